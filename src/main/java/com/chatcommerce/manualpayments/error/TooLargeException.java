package com.chatcommerce.manualpayments.error;

/** A request body over its limit; read no further than the limit, and nothing was changed. */
public class TooLargeException extends InvalidInputException {

  public TooLargeException(String field, String reason) {
    super(field, reason);
  }
}
