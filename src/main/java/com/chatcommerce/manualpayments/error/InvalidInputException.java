package com.chatcommerce.manualpayments.error;

/** Input that breaks a rule of the product. Always names the offending field. */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
