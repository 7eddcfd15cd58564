package com.chatcommerce.manualpayments.order;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "order_history")
public class OrderHistoryEntry {

  /** The value of {@link #field} for rows that record a status change rather than a correction. */
  public static final String STATUS_FIELD = "status";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String orderId;

  @Enumerated(EnumType.STRING)
  private HistoryEvent event;

  private String field;
  private String fromValue;
  private String toValue;
  private String actor;
  private String channel;
  private String comment;
  private Instant createdAt;

  protected OrderHistoryEntry() {}

  OrderHistoryEntry(
      String orderId,
      HistoryEvent event,
      String field,
      String fromValue,
      String toValue,
      Actor actor,
      String comment,
      Instant now) {
    this.orderId = orderId;
    this.event = event;
    this.field = field;
    this.fromValue = fromValue;
    this.toValue = toValue;
    this.actor = actor.name();
    this.channel = actor.channel().value();
    this.comment = comment;
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public String orderId() {
    return orderId;
  }

  public HistoryEvent event() {
    return event;
  }

  public String field() {
    return field;
  }

  public String fromValue() {
    return fromValue;
  }

  public String toValue() {
    return toValue;
  }

  public String actor() {
    return actor;
  }

  public String channel() {
    return channel;
  }

  public String comment() {
    return comment;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
