package com.chatcommerce.manualpayments.process;

import java.time.Duration;

/**
 * A job that cannot be done yet but will be soon, for a reason with a known end: the job is handed
 * out again after {@code backoff} without using up one of its retries.
 */
public class RetryLaterException extends RuntimeException {

  private final Duration backoff;

  public RetryLaterException(String message, Duration backoff) {
    super(message);
    this.backoff = backoff;
  }

  public Duration backoff() {
    return backoff;
  }
}
