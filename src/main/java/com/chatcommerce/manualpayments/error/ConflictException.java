package com.chatcommerce.manualpayments.error;

/** The request is valid but the current state of the record does not allow it. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
