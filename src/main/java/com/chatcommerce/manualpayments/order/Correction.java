package com.chatcommerce.manualpayments.order;

/**
 * What a manager may correct when deciding (spec §4): the amount, in a new currency only together
 * with the amount paid in it; the payment date; and a comment of their own, kept beside the
 * client's. A null keeps the order's value. Strings are parsed against the order so that every
 * error names its field.
 */
public record Correction(String amount, String currency, String paymentDate, String comment) {

  public static final Correction NONE = new Correction(null, null, null, null);
}
