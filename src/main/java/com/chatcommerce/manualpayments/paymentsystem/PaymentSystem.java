package com.chatcommerce.manualpayments.paymentsystem;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "payment_systems")
public class PaymentSystem {

  /** Its columns' lengths, and how many currencies it may accept. */
  public static final int DESCRIPTION = 2000;

  public static final int COMMENT_HINT = 500;
  public static final int IMAGE_URL = 2000;
  public static final int MAX_CURRENCIES = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private PaymentSystemKind kind;

  private String name;
  private String description;

  @Column(name = "commission_percent")
  private BigDecimal commissionPercent;

  @Column(name = "fixed_fee_amount")
  private BigDecimal fixedFeeAmount;

  @Column(name = "fixed_fee_currency")
  private String fixedFeeCurrency;

  @Column(name = "account_currency")
  private String accountCurrency;

  @Column(name = "transaction_currency")
  private String transactionCurrency;

  @Convert(converter = CurrencyListConverter.class)
  @Column(name = "supported_currencies")
  private List<String> supportedCurrencies;

  @Column(name = "comment_hint")
  private String commentHint;

  @Column(name = "image_url")
  private String imageUrl;

  @Column(name = "created_at")
  private Instant createdAt;

  @Version private long version;

  protected PaymentSystem() {}

  PaymentSystem(ValidPaymentSystem fields, Instant now) {
    this.createdAt = now;
    apply(fields);
  }

  void apply(ValidPaymentSystem fields) {
    this.kind = fields.kind();
    this.name = fields.name();
    this.description = fields.description();
    this.commissionPercent = fields.commissionPercent();
    this.fixedFeeAmount = fields.fixedFeeAmount();
    this.fixedFeeCurrency = fields.fixedFeeCurrency();
    this.accountCurrency = fields.accountCurrency();
    this.transactionCurrency = fields.transactionCurrency();
    this.supportedCurrencies = fields.supportedCurrencies();
    this.commentHint = fields.commentHint();
    this.imageUrl = fields.imageUrl();
  }

  /** Where the API serves an image uploaded for payment system {@code id}. */
  public static String uploadedImageUrl(long id) {
    return "/api/v1/payment-systems/" + id + "/image";
  }

  void showImage(String url) {
    this.imageUrl = url;
  }

  public boolean isManual() {
    return kind == PaymentSystemKind.MANUAL;
  }

  public Long id() {
    return id;
  }

  public PaymentSystemKind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public BigDecimal commissionPercent() {
    return commissionPercent;
  }

  public Optional<BigDecimal> fixedFeeAmount() {
    return Optional.ofNullable(fixedFeeAmount);
  }

  public String fixedFeeCurrency() {
    return fixedFeeCurrency;
  }

  public String accountCurrency() {
    return accountCurrency;
  }

  public String transactionCurrency() {
    return transactionCurrency;
  }

  public List<String> supportedCurrencies() {
    return supportedCurrencies;
  }

  public String commentHint() {
    return commentHint;
  }

  public String imageUrl() {
    return imageUrl;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
