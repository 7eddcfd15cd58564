package com.chatcommerce.manualpayments.order;

public enum Decision {
  APPROVE,
  REJECT
}
