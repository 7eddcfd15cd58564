package com.chatcommerce.manualpayments.order;

import java.util.Locale;

/** Where a decision or change to an order came from, as the audit history records it. */
public enum Channel {
  TASKLIST,
  API,
  TIMER;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Channel of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("no channel given");
    }
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
