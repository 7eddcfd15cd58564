package com.chatcommerce.manualpayments.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

  protected ChatIndicator() {}

  ChatIndicator(String orderId, Long clientId, String status, String text, Instant now) {
    this.orderId = orderId;
    this.clientId = clientId;
    this.status = status;
    this.text = text;
    this.createdAt = now;
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
}
