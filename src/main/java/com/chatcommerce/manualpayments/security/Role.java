package com.chatcommerce.manualpayments.security;

/** What a caller of the API may do. */
public enum Role {
  /** The chat-commerce platform: submits client payments and reads the orders it submitted. */
  PLATFORM,
  /** Everything about payments, payment systems, offers, clients and rates. */
  MANAGER,
  /** Reads everything, changes nothing. */
  ANALYST;

  public String authority() {
    return "ROLE_" + name();
  }
}
