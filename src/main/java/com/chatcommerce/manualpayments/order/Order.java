package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paymentsystem.CurrencyListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "orders")
public class Order {

  @Id private String id;

  @Enumerated(EnumType.STRING)
  private OrderSource source;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  private Long clientId;
  private Long offerId;
  private Long paymentSystemId;
  private BigDecimal submittedAmount;
  private String submittedCurrency;
  private BigDecimal finalAmount;
  private String finalCurrency;
  private LocalDate paymentDate;
  private String comment;
  private String managerComment;
  private String contactEmail;
  private String contactPhone;
  private String payerName;
  private String payerPlatformUserId;
  private BigDecimal feeAmount;
  private String feeCurrency;
  private BigDecimal netAmount;
  private String netCurrency;

  /** The offer's time to confirm, as it was at submission. */
  @Column(name = "review_timeout")
  private String confirmationWindow;

  private Instant reviewDeadline;
  private BigDecimal termsCommissionPercent;
  private BigDecimal termsFixedFeeAmount;
  private String termsFixedFeeCurrency;
  private String termsAccountCurrency;
  private String termsTransactionCurrency;

  @Convert(converter = CurrencyListConverter.class)
  private List<String> termsSupportedCurrencies;

  private String termsRates;

  @Enumerated(EnumType.STRING)
  private RejectionReason rejectionReason;

  private Long processInstanceKey;

  @Column(name = "pending_action")
  private String pendingAction;

  private String submittedBy;
  private Instant submittedAt;
  private Instant updatedAt;

  @Version private long version;

  protected Order() {}

  Order(String id, ValidSubmission valid, FeeCalculator.Priced priced, Instant now) {
    Pricing pricing = priced.pricing();
    this.id = id;
    this.source = valid.source();
    this.status = OrderStatus.OPEN;
    this.clientId = valid.clientId();
    this.offerId = valid.offer().id();
    this.paymentSystemId = valid.offer().paymentSystem().id();
    this.submittedAmount = pricing.amount().amount();
    this.submittedCurrency = pricing.amount().currency();
    this.paymentDate = valid.paymentDate();
    this.comment = valid.comment();
    this.contactEmail = valid.contactEmail();
    this.contactPhone = valid.contactPhone();
    this.payerName = valid.payerName();
    this.payerPlatformUserId = valid.payerPlatformUserId();
    this.confirmationWindow = valid.offer().confirmationWindow();
    this.reviewDeadline = now.plus(Duration.parse(confirmationWindow));
    this.submittedBy = valid.submittedBy();
    this.submittedAt = now;
    OrderTerms terms = priced.terms();
    this.termsCommissionPercent = terms.commissionPercent();
    this.termsFixedFeeAmount = terms.fixedFeeAmount();
    this.termsFixedFeeCurrency = terms.fixedFeeCurrency();
    this.termsAccountCurrency = terms.accountCurrency();
    this.termsTransactionCurrency = terms.transactionCurrency();
    this.termsSupportedCurrencies = terms.supportedCurrencies();
    this.termsRates = terms.rates().text();
    reprice(pricing, now);
  }

  void reprice(Pricing pricing, Instant now) {
    this.finalAmount = pricing.amount().amount();
    this.finalCurrency = pricing.amount().currency();
    this.feeAmount = pricing.fee().amount();
    this.feeCurrency = pricing.fee().currency();
    this.netAmount = pricing.net().amount();
    this.netCurrency = pricing.net().currency();
    this.updatedAt = now;
  }

  /**
   * A manager's decision: the client's comment stays as the client wrote it, the manager's sits
   * beside it.
   */
  void correct(LocalDate paymentDate, String managerComment, Instant now) {
    this.paymentDate = paymentDate;
    this.managerComment = managerComment;
    this.updatedAt = now;
  }

  void moveTo(OrderStatus status, RejectionReason reason, Instant now) {
    this.status = status;
    this.rejectionReason = reason;
    this.pendingAction = null;
    this.updatedAt = now;
  }

  /**
   * Marks that a decision or refund was forwarded to the process; the caller holds the row lock.
   */
  void claimPendingAction(String action) {
    this.pendingAction = action;
  }

  void attachProcess(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  public String id() {
    return id;
  }

  public OrderSource source() {
    return source;
  }

  public OrderStatus status() {
    return status;
  }

  public Long clientId() {
    return clientId;
  }

  public Long offerId() {
    return offerId;
  }

  public Long paymentSystemId() {
    return paymentSystemId;
  }

  public Money submitted() {
    return new Money(submittedAmount, submittedCurrency);
  }

  /** The amount after any manager's correction; equal to {@link #submitted()} until then. */
  public Money amount() {
    return new Money(finalAmount, finalCurrency);
  }

  public Money fee() {
    return new Money(feeAmount, feeCurrency);
  }

  public Money net() {
    return new Money(netAmount, netCurrency);
  }

  public Pricing pricing() {
    return new Pricing(amount(), fee(), net());
  }

  /** The terms the order was submitted under; a correction reprices with these. */
  public OrderTerms terms() {
    return new OrderTerms(
        termsCommissionPercent,
        termsFixedFeeAmount,
        termsFixedFeeCurrency,
        termsAccountCurrency,
        termsTransactionCurrency,
        termsSupportedCurrencies,
        RatesUsed.parse(termsRates));
  }

  public LocalDate paymentDate() {
    return paymentDate;
  }

  /** The client's comment (or the submitting manager's); never changed by a decision. */
  public String comment() {
    return comment;
  }

  /** The comment of the manager who decided, if any. */
  public String managerComment() {
    return managerComment;
  }

  public String contactEmail() {
    return contactEmail;
  }

  public String contactPhone() {
    return contactPhone;
  }

  /** Who paid, for an order of the manual account; empty for a CRM client's order. */
  public Optional<Payer> payer() {
    return payerName == null
        ? Optional.empty()
        : Optional.of(new Payer(payerName, contactEmail, contactPhone, payerPlatformUserId));
  }

  public Instant reviewDeadline() {
    return reviewDeadline;
  }

  public RejectionReason rejectionReason() {
    return rejectionReason;
  }

  public Long processInstanceKey() {
    return processInstanceKey;
  }

  public String pendingAction() {
    return pendingAction;
  }

  public String submittedBy() {
    return submittedBy;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
