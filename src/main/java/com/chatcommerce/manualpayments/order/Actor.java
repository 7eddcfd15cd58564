package com.chatcommerce.manualpayments.order;

/** Who changed an order, and through which door. */
public record Actor(String name, Door door) {

  public Actor {
    name = name == null || name.isBlank() ? door.value() : truncate(name);
  }

  private static String truncate(String name) {
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
