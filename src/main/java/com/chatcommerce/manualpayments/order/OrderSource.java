package com.chatcommerce.manualpayments.order;

public enum OrderSource {
  /** The client pressed "Pay". */
  CLIENT,
  /** A manager used "add manual payment"; approving such a payment completes it. */
  MANAGER
}
