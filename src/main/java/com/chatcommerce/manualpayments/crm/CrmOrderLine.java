package com.chatcommerce.manualpayments.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.domain.Persistable;

/**
 * One line of a client card's order history in the CRM. Its id is the order's, assigned by us, so
 * it tells Spring Data itself whether it is new: otherwise every first save would be a merge that
 * reads the row it is about to insert.
 */
@Entity
@Table(name = "crm_client_orders")
public class CrmOrderLine implements Persistable<String> {

  /** How far along its life an order is, by the status names the CRM is sent. */
  private static final Map<String, Integer> PROGRESS =
      Map.of("OPEN", 0, "APPROVED", 1, "COMPLETED", 1, "REJECTED", 1, "REFUNDED", 2);

  @Id private String orderId;
  private Long clientId;
  private Long offerId;
  private String status;
  private BigDecimal amount;
  private String currency;
  private Instant updatedAt;
  @Transient private boolean isNew = true;

  protected CrmOrderLine() {}

  /** A line not shown yet: {@link #show} gives it its first status. */
  CrmOrderLine(String orderId, long clientId, long offerId) {
    this.orderId = orderId;
    this.clientId = clientId;
    this.offerId = offerId;
  }

  /**
   * Shows the order at {@code status}, unless the line already shows a later one: a late, repeated
   * update never moves a line backwards, so a redelivered OPEN update cannot hide an approval.
   */
  void show(String status, BigDecimal amount, String currency, Instant now) {
    Integer progress = PROGRESS.get(status);
    if (progress == null) {
      throw new IllegalArgumentException("unknown order status " + status);
    }
    if (this.status != null && progress < PROGRESS.get(this.status)) {
      return;
    }
    this.status = status;
    this.amount = amount;
    this.currency = currency;
    this.updatedAt = now;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    isNew = false;
  }

  @Override
  public String getId() {
    return orderId;
  }

  @Override
  public boolean isNew() {
    return isNew;
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
