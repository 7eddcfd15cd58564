package com.chatcommerce.manualpayments.order;

/** Who changed an order, and through which channel. */
public record Actor(String name, Channel channel) {

  public Actor {
    name = name == null || name.isBlank() ? channel.value() : truncate(name);
  }

  private static String truncate(String name) {
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
