package com.chatcommerce.manualpayments.process;

/** The Camunda engine did not accept a command; nothing was written on our side. */
public class EngineUnavailableException extends RuntimeException {

  public EngineUnavailableException(String action, Throwable cause) {
    super("the process engine could not " + action + ": " + cause.getMessage(), cause);
  }
}
