package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.ExchangeRateService;
import com.chatcommerce.manualpayments.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The money rules of a manual payment. Intermediate values stay exact (or at 34 significant digits
 * where a division is needed); only the results are rounded, half-even, to the minor units. A
 * result the books cannot hold, or a negative net, is refused naming the input that caused it.
 */
@Component
public class FeeCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ExchangeRateService rates;

  public FeeCalculator(ExchangeRateService rates) {
    this.rates = rates;
  }

  /** A submission's price, and the terms it was priced under with the rates it used. */
  public record Priced(Pricing pricing, OrderTerms terms) {}

  /**
   * Prices a submission under {@code terms} at today's rates, and records each rate it used, so
   * that a later correction reprices at the same ones.
   */
  public Priced submission(OrderTerms terms, Money price, String field) {
    Map<String, BigDecimal> used = new LinkedHashMap<>();
    Rates today =
        (from, to) -> {
          BigDecimal rate = rates.rate(from, to);
          used.put(RatesUsed.key(from, to), rate);
          return rate;
        };
    Pricing pricing = price(terms, transactionAmount(terms, price, today, field), today, field);
    return new Priced(pricing, terms.withRates(new RatesUsed(used)));
  }

  /**
   * Reprices a manager's correction under the order's own terms, at the rates the order was priced
   * at; only a pair the submission did not need (the amount in a new currency) takes today's rate.
   */
  public Pricing correction(OrderTerms terms, Money amount, String field) {
    Rates ordersOwn =
        (from, to) -> terms.rates().rate(from, to).orElseGet(() -> rates.rate(from, to));
    return price(terms, amount, ordersOwn, field);
  }

  /**
   * The amount the client pays for an offer: in the offer's currency when the payment system
   * supports it, otherwise converted to the payment system's transaction currency.
   */
  private static Money transactionAmount(OrderTerms terms, Money price, Rates rates, String field) {
    if (terms.supports(price.currency())) {
      return price;
    }
    String transaction = terms.transactionCurrency();
    BigDecimal exact = price.amount().multiply(rates.between(price.currency(), transaction));
    return fitting(
        Money.roundedOf(exact, transaction), "the price converted to " + transaction, field);
  }

  /**
   * fee = amount × commission% + fixed fee (in the amount's currency); net = amount − fee, in the
   * account currency. The net credited is never negative.
   */
  private static Pricing price(OrderTerms terms, Money amount, Rates rates, String field) {
    BigDecimal exactFee =
        amount.amount().multiply(terms.commissionPercent()).divide(HUNDRED, MathContext.DECIMAL128);
    if (terms.fixedFeeAmount() != null) {
      exactFee =
          exactFee.add(
              terms
                  .fixedFeeAmount()
                  .multiply(rates.between(terms.fixedFeeCurrency(), amount.currency())));
    }
    String account = terms.accountCurrency();
    BigDecimal exactNet =
        amount.amount().subtract(exactFee).multiply(rates.between(amount.currency(), account));
    Money fee = Money.roundedOf(exactFee, amount.currency());
    Money net = Money.roundedOf(exactNet, account);
    if (net.amount().signum() < 0) {
      throw new InvalidInputException(
          field,
          "the fee "
              + fee
              + " is more than the amount "
              + amount
              + ": the net credited would be "
              + net
              + ", and it can never be negative");
    }
    return new Pricing(
        fitting(amount, "the amount", field),
        fitting(fee, "the fee", field),
        fitting(net, "the net credited", field));
  }

  /** Where a pricing takes its rates from; one currency needs no rate. */
  private interface Rates {
    BigDecimal rate(String from, String to);

    default BigDecimal between(String from, String to) {
      return from.equals(to) ? BigDecimal.ONE : rate(from, to);
    }
  }

  private static Money fitting(Money money, String what, String field) {
    if (!money.fitsTheBooks()) {
      throw new InvalidInputException(
          field,
          what
              + " would be "
              + money
              + ", more than the books hold (at most "
              + Money.INTEGER_DIGITS
              + " digits before the point)");
    }
    return money;
  }
}
