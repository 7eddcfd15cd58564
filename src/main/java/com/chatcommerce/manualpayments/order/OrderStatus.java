package com.chatcommerce.manualpayments.order;

public enum OrderStatus {
  OPEN("Открыто"),
  APPROVED("Разрешен"),
  COMPLETED("Завершен"),
  REJECTED("Отклонен"),
  REFUNDED("Возврат средств");

  private final String shownAs;

  OrderStatus(String shownAs) {
    this.shownAs = shownAs;
  }

  /** The word the platform's users see. */
  public String shownAs() {
    return shownAs;
  }

  public boolean isRefundable() {
    return this == APPROVED || this == COMPLETED;
  }
}
