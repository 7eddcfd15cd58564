package com.chatcommerce.manualpayments.order;

/** Where a change to an order came from, as the audit history records it. */
public enum Door {
  TASKLIST,
  API,
  TIMER;

  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Door of(String value) {
    return value == null ? TASKLIST : valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
