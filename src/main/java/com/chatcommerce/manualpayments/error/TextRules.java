package com.chatcommerce.manualpayments.error;

/**
 * The rules for free text a caller types: required or not, and at most so many characters. The
 * limits are their columns' lengths; the API documents the same numbers.
 */
public final class TextRules {

  /** Names of clients, payers, offers and payment systems. */
  public static final int NAME = 200;

  private TextRules() {}

  /** A name, required, at most {@link #NAME} characters. */
  public static String name(String value, String field) {
    return required(value, field, NAME);
  }

  public static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    return optional(value, field, max);
  }

  public static String optional(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(field, "is longer than " + max + " characters");
    }
    return value;
  }
}
