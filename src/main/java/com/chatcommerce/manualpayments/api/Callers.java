package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.security.Role;
import org.springframework.security.core.Authentication;

/** What the API needs to know about who calls it. */
final class Callers {

  private Callers() {}

  /** The caller's name for the order history. */
  static String name(Authentication caller) {
    return caller.getName();
  }

  /** A platform account sees only the orders it submitted; managers and analysts see all. */
  static String onlyOwnOrders(Authentication caller) {
    boolean seesAll =
        caller.getAuthorities().stream()
            .anyMatch(
                a ->
                    a.getAuthority().equals(Role.MANAGER.authority())
                        || a.getAuthority().equals(Role.ANALYST.authority()));
    return seesAll ? null : caller.getName();
  }
}
