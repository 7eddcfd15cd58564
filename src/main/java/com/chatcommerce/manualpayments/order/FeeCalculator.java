package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.money.ExchangeRates;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import java.math.BigDecimal;
import java.math.MathContext;
import org.springframework.stereotype.Component;

/**
 * The money rules of a manual payment. Intermediate values stay exact (or at 34 significant digits
 * where a division is needed); only the results are rounded, half-even, to the minor units.
 */
@Component
public class FeeCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ExchangeRates rates;

  public FeeCalculator(ExchangeRates rates) {
    this.rates = rates;
  }

  /**
   * The amount the client pays for an offer: in the offer's currency when the merchant supports
   * it, otherwise converted to the merchant's transaction currency.
   */
  public Money transactionAmount(PaymentSystem merchant, Money price) {
    if (merchant.supports(price.currency())) {
      return price;
    }
    String transaction = merchant.transactionCurrency();
    BigDecimal exact = price.amount().multiply(rates.rate(price.currency(), transaction));
    return Money.roundedOf(exact, transaction);
  }

  /** fee = amount × commission% + fixed fee (in the amount's currency); net = amount − fee, in the account currency. */
  public Pricing price(PaymentSystem merchant, Money amount) {
    BigDecimal exactFee =
        amount.amount().multiply(merchant.commissionPercent()).divide(HUNDRED, MathContext.DECIMAL128);
    if (merchant.fixedFeeAmount().isPresent()) {
      BigDecimal fixed = merchant.fixedFeeAmount().get();
      exactFee = exactFee.add(fixed.multiply(rates.rate(merchant.fixedFeeCurrency(), amount.currency())));
    }
    String account = merchant.accountCurrency();
    BigDecimal exactNet =
        amount.amount().subtract(exactFee).multiply(rates.rate(amount.currency(), account));
    return new Pricing(amount, Money.roundedOf(exactFee, amount.currency()), Money.roundedOf(exactNet, account));
  }
}
