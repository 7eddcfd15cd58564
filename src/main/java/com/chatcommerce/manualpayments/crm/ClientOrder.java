package com.chatcommerce.manualpayments.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of a client card's order history in the CRM. */
@Entity
@Table(name = "crm_client_orders")
public class ClientOrder {

  @Id private String orderId;
  private Long clientId;
  private Long offerId;
  private String status;
  private BigDecimal amount;
  private String currency;
  private Instant updatedAt;

  protected ClientOrder() {}

  ClientOrder(
      String orderId, Long clientId, Long offerId, String status, BigDecimal amount, String currency, Instant now) {
    this.orderId = orderId;
    this.clientId = clientId;
    this.offerId = offerId;
    show(status, amount, currency, now);
  }

  void show(String status, BigDecimal amount, String currency, Instant now) {
    this.status = status;
    this.amount = amount;
    this.currency = currency;
    this.updatedAt = now;
  }

  public String orderId() {
    return orderId;
  }

  public Long clientId() {
    return clientId;
  }

  public Long offerId() {
    return offerId;
  }

  public String status() {
    return status;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
