package com.chatcommerce.manualpayments.order;

public enum HistoryEvent {
  SUBMITTED,
  CORRECTED,
  APPROVED,
  COMPLETED,
  REJECTED,
  REFUNDED
}
