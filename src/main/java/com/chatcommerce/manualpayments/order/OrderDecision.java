package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.money.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one decision an order gets, claimed by the channel that took it (the API, Tasklist or the
 * deadline) before it takes effect: validated and priced when it is claimed, so that the worker
 * that applies it only copies it. The order id is the primary key, so a second claim cannot exist.
 */
@Entity
@Table(name = "order_decisions")
public class OrderDecision {

  @Id private String orderId;

  private String decisionId;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String channel;
  private String decidedBy;
  private BigDecimal amount;
  private String currency;
  private BigDecimal feeAmount;
  private String feeCurrency;
  private BigDecimal netAmount;
  private String netCurrency;
  private LocalDate paymentDate;
  private String managerComment;

  @Enumerated(EnumType.STRING)
  private RejectionReason rejectionReason;

  private Instant claimedAt;

  protected OrderDecision() {}

  OrderDecision(
      String orderId,
      String decisionId,
      Decision decision,
      Actor actor,
      CorrectedValues values,
      Pricing pricing,
      RejectionReason rejectionReason,
      Instant claimedAt) {
    this.orderId = orderId;
    this.decisionId = decisionId;
    this.decision = decision;
    this.channel = actor.channel().value();
    this.decidedBy = actor.name();
    this.amount = pricing.amount().amount();
    this.currency = pricing.amount().currency();
    this.feeAmount = pricing.fee().amount();
    this.feeCurrency = pricing.fee().currency();
    this.netAmount = pricing.net().amount();
    this.netCurrency = pricing.net().currency();
    this.paymentDate = values.paymentDate();
    this.managerComment = values.managerComment();
    this.rejectionReason = rejectionReason;
    this.claimedAt = claimedAt;
  }

  public String orderId() {
    return orderId;
  }

  /**
   * The channel's own id of the decision: the API's message id, the Tasklist task, or the deadline.
   */
  public String decisionId() {
    return decisionId;
  }

  public Decision decision() {
    return decision;
  }

  public Actor actor() {
    return new Actor(decidedBy, Channel.of(channel));
  }

  public Pricing pricing() {
    return new Pricing(
        new Money(amount, currency),
        new Money(feeAmount, feeCurrency),
        new Money(netAmount, netCurrency));
  }

  public LocalDate paymentDate() {
    return paymentDate;
  }

  public String managerComment() {
    return managerComment;
  }

  public RejectionReason rejectionReason() {
    return rejectionReason;
  }

  public Instant claimedAt() {
    return claimedAt;
  }

  /** How a refusal describes it to the channel that lost. */
  String describe() {
    return decision + " by " + decidedBy + " through " + channel + ", claimed at " + claimedAt;
  }
}
