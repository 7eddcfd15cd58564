package com.chatcommerce.manualpayments.order;

/**
 * The values a manager may correct when deciding (SPEC §4). A null keeps the order's value. Strings
 * are parsed against the order so that every error names its field.
 */
public record Correction(String amount, String currency, String paymentDate, String comment) {

  public static final Correction NONE = new Correction(null, null, null, null);
}
