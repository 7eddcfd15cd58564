package com.chatcommerce.manualpayments.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A note in the platform chat with the client, shown to the platform's users only (spec §5). */
@Entity
@Table(name = "chat_indicators")
public class ChatIndicator {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String orderId;
  private Long clientId;
  private String status;
  private String text;
  private Instant createdAt;

  /**
   * The event the platform is sent, fixed when the indicator is posted, so that every delivery of
   * it carries the same bytes under the same webhook id, however the order moves on meanwhile.
   */
  private String eventBody;

  protected ChatIndicator() {}

  ChatIndicator(
      String orderId, Long clientId, String status, String text, String eventBody, Instant now) {
    this.orderId = orderId;
    this.clientId = clientId;
    this.status = status;
    this.text = text;
    this.eventBody = eventBody;
    this.createdAt = now;
  }

  /** An indicator posted before events were kept gets its event when its job runs again. */
  void keepEvent(String eventBody) {
    this.eventBody = eventBody;
  }

  public Long id() {
    return id;
  }

  public String orderId() {
    return orderId;
  }

  public Long clientId() {
    return clientId;
  }

  public String status() {
    return status;
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String eventBody() {
    return eventBody;
  }

  /**
   * The platform's webhook id of this indicator: the same for every delivery of it, so that the
   * platform can drop a repeat.
   */
  public String webhookId() {
    return "order_" + orderId + "_" + status.toLowerCase(Locale.ROOT);
  }
}
