package com.chatcommerce.manualpayments.error;

/** Input that breaks a rule of the product. Always names the offending field. */
public class InvalidInputException extends RuntimeException {

  private static final int EXCERPT_LENGTH = 40;

  private final String field;

  public InvalidInputException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  /**
   * A bad value as an error message may quote it: its first characters only, so that a huge input
   * is never sent back whole (nor written whole to a log).
   */
  public static String excerpt(Object value) {
    String text = String.valueOf(value);
    return text.length() <= EXCERPT_LENGTH
        ? text
        : text.substring(0, EXCERPT_LENGTH) + "…(" + text.length() + " characters)";
  }

  public String field() {
    return field;
  }
}
