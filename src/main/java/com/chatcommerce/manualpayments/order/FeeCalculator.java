package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.ExchangeRates;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import java.math.BigDecimal;
import java.math.MathContext;
import org.springframework.stereotype.Component;

/**
 * The money rules of a manual payment. Intermediate values stay exact (or at 34 significant digits
 * where a division is needed); only the results are rounded, half-even, to the minor units. A
 * result the books cannot hold, or a negative net, is refused naming the input that caused it.
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
  public Money transactionAmount(PaymentSystem merchant, Money price, String field) {
    if (merchant.supports(price.currency())) {
      return price;
    }
    String transaction = merchant.transactionCurrency();
    BigDecimal exact = price.amount().multiply(rates.rate(price.currency(), transaction));
    return fitting(Money.roundedOf(exact, transaction), "the price converted to " + transaction, field);
  }

  /**
   * fee = amount × commission% + fixed fee (in the amount's currency); net = amount − fee, in the
   * account currency. The net credited is never negative.
   */
  public Pricing price(PaymentSystem merchant, Money amount, String field) {
    BigDecimal exactFee =
        amount.amount().multiply(merchant.commissionPercent()).divide(HUNDRED, MathContext.DECIMAL128);
    if (merchant.fixedFeeAmount().isPresent()) {
      BigDecimal fixed = merchant.fixedFeeAmount().get();
      exactFee = exactFee.add(fixed.multiply(rates.rate(merchant.fixedFeeCurrency(), amount.currency())));
    }
    String account = merchant.accountCurrency();
    BigDecimal exactNet =
        amount.amount().subtract(exactFee).multiply(rates.rate(amount.currency(), account));
    Money fee = Money.roundedOf(exactFee, amount.currency());
    Money net = Money.roundedOf(exactNet, account);
    if (net.amount().signum() < 0) {
      throw new InvalidInputException(field, "the fee " + fee + " is more than the amount " + amount
          + ": the net credited would be " + net + ", and it can never be negative");
    }
    return new Pricing(fitting(amount, "the amount", field), fitting(fee, "the fee", field),
        fitting(net, "the net credited", field));
  }

  private static Money fitting(Money money, String what, String field) {
    if (!money.fitsTheBooks()) {
      throw new InvalidInputException(field, what + " would be " + money + ", more than the books hold (at most "
          + Money.INTEGER_DIGITS + " digits before the point)");
    }
    return money;
  }
}
