package com.chatcommerce.manualpayments.process;

/**
 * A fault that no retry of the job can mend, such as a request the platform refuses as malformed:
 * the job fails with no retries left, so the engine raises an incident at once with this message
 * instead of repeating the same refusal five times.
 */
public class IncidentException extends RuntimeException {

  public IncidentException(String message) {
    super(message);
  }
}
