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

  /** The merchant's terms as they stand now, before any rate was used. */
  public static OrderTerms of(PaymentSystem merchant) {
    return new OrderTerms(
        merchant.commissionPercent(), merchant.fixedFeeAmount().orElse(null), merchant.fixedFeeCurrency(),
        merchant.accountCurrency(), merchant.transactionCurrency(), merchant.supportedCurrencies(), RatesUsed.NONE);
  }

  public boolean supports(String currency) {
    return supportedCurrencies.contains(currency);
  }

  OrderTerms withRates(RatesUsed used) {
    return new OrderTerms(commissionPercent, fixedFeeAmount, fixedFeeCurrency, accountCurrency, transactionCurrency,
        supportedCurrencies, used);
  }
}
