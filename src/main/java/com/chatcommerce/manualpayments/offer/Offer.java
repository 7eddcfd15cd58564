package com.chatcommerce.manualpayments.offer;

import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "offers")
public class Offer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  @Column(name = "price_amount")
  private BigDecimal priceAmount;

  @Column(name = "price_currency")
  private String priceCurrency;

  @ManyToOne(optional = false)
  @JoinColumn(name = "payment_system_id")
  private PaymentSystem paymentSystem;

  /** ISO-8601 duration, the offer's "time to confirm payment". */
  @Column(name = "confirmation_window")
  private String confirmationWindow;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Offer() {}

  Offer(
      String name,
      Money price,
      PaymentSystem paymentSystem,
      String confirmationWindow,
      Instant now) {
    this.createdAt = now;
    apply(name, price, paymentSystem, confirmationWindow);
  }

  void apply(String name, Money price, PaymentSystem paymentSystem, String confirmationWindow) {
    this.name = name;
    this.priceAmount = price.amount();
    this.priceCurrency = price.currency();
    this.paymentSystem = paymentSystem;
    this.confirmationWindow = confirmationWindow;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Money price() {
    return new Money(priceAmount, priceCurrency);
  }

  public PaymentSystem paymentSystem() {
    return paymentSystem;
  }

  /** As the manager wrote it (for example {@code P30D}): the BPMN timer takes it as it is. */
  public String confirmationWindow() {
    return confirmationWindow;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
