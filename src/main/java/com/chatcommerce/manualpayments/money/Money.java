package com.chatcommerce.manualpayments.money;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in an ISO 4217 currency, always at the currency's scale. */
public record Money(BigDecimal amount, String currency) {

  /**
   * The most digits an amount may have before the point: every money column is DECIMAL(19, 4),
   * which leaves 15. A test checks this against the schema.
   */
  public static final int INTEGER_DIGITS = 15;

  /** The largest amount the books hold, in any currency. */
  public static final BigDecimal BOOKS_LIMIT =
      BigDecimal.TEN.pow(INTEGER_DIGITS).subtract(new BigDecimal("0.0001"));

  public Money {
    Currencies.requireIsoCode(currency, "currency");
    Currencies.requireMinorUnits(amount, currency, "amount");
    amount = amount.setScale(Currencies.minorUnits(currency), RoundingMode.UNNECESSARY);
  }

  /** Parses user input: a decimal string, strictly positive, with no more decimals than allowed. */
  public static Money parsePositive(String amount, String currency, String field) {
    String code = Currencies.requireIsoCode(currency, field + ".currency");
    BigDecimal value = parseDecimal(amount, field + ".amount");
    if (value.signum() <= 0) {
      throw new InvalidInputException(field + ".amount", "must be greater than 0");
    }
    Currencies.requireMinorUnits(value, code, field + ".amount");
    return new Money(value, code);
  }

  public static BigDecimal parseDecimal(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    if (!value.matches("-?\\d{1," + INTEGER_DIGITS + "}(\\.\\d{1,10})?")) {
      throw new InvalidInputException(
          field,
          "must be a decimal number with a dot, got '"
              + InvalidInputException.excerpt(value)
              + "'");
    }
    return new BigDecimal(value);
  }

  /**
   * Whether the books can hold this amount: no more than {@link #INTEGER_DIGITS} before the point.
   */
  public boolean fitsTheBooks() {
    return amount.abs().compareTo(BOOKS_LIMIT) <= 0;
  }

  /** Rounds an exact intermediate result half-even to the currency's minor units. */
  public static Money roundedOf(BigDecimal exact, String currency) {
    return new Money(
        exact.setScale(Currencies.minorUnits(currency), RoundingMode.HALF_EVEN), currency);
  }

  public String amountText() {
    return amount.toPlainString();
  }

  @Override
  public String toString() {
    return amountText() + " " + currency;
  }
}
