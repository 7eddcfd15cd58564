package com.chatcommerce.manualpayments.money;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** How many units of {@code to} one unit of {@code from} buys. */
@Entity
@Table(name = "exchange_rates")
public class ExchangeRate {

  @EmbeddedId private Pair pair;

  @Column(nullable = false, precision = 24, scale = 10)
  private BigDecimal rate;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ExchangeRate() {}

  ExchangeRate(String from, String to, BigDecimal rate, Instant now) {
    this.pair = new Pair(from, to);
    update(rate, now);
  }

  void update(BigDecimal rate, Instant now) {
    this.rate = rate;
    this.updatedAt = now;
  }

  public String from() {
    return pair.from;
  }

  public String to() {
    return pair.to;
  }

  public BigDecimal rate() {
    return rate;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Embeddable
  public record Pair(
      @Column(name = "from_currency", length = 3) String from,
      @Column(name = "to_currency", length = 3) String to)
      implements Serializable {}
}
