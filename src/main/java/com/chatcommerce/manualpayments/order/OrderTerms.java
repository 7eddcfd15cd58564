package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import java.math.BigDecimal;
import java.util.List;

/**
 * The payment system's terms an order was submitted under, and the rates it was priced at (spec
 * §6a). Copied onto the order at submission, so that a correction reprices the order as it was
 * sold, whatever the payment system or the rates say later.
 */
public record OrderTerms(
    BigDecimal commissionPercent,
    BigDecimal fixedFeeAmount,
    String fixedFeeCurrency,
    String accountCurrency,
    String transactionCurrency,
    List<String> supportedCurrencies,
    RatesUsed rates) {

  public OrderTerms {
    supportedCurrencies = List.copyOf(supportedCurrencies);
  }

  /** The payment system's terms as they stand now, before any rate was used. */
  public static OrderTerms of(PaymentSystem paymentSystem) {
    return new OrderTerms(
        paymentSystem.commissionPercent(),
        paymentSystem.fixedFeeAmount().orElse(null),
        paymentSystem.fixedFeeCurrency(),
        paymentSystem.accountCurrency(),
        paymentSystem.transactionCurrency(),
        paymentSystem.supportedCurrencies(),
        RatesUsed.NONE);
  }

  public boolean supports(String currency) {
    return supportedCurrencies.contains(currency);
  }

  OrderTerms withRates(RatesUsed used) {
    return new OrderTerms(
        commissionPercent,
        fixedFeeAmount,
        fixedFeeCurrency,
        accountCurrency,
        transactionCurrency,
        supportedCurrencies,
        used);
  }
}
