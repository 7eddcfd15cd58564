package com.chatcommerce.manualpayments.order;

public enum RejectionReason {
  MANAGER,
  /** Nobody confirmed the order within the offer's time to confirm. */
  TIMEOUT
}
