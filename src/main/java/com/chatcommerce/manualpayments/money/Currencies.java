package com.chatcommerce.manualpayments.money;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.Currency;

/** ISO 4217 rules: valid codes and how many decimals each currency has. */
public final class Currencies {

  private Currencies() {}

  /** Parses an ISO 4217 code; {@code field} names the input for the error. */
  public static String requireIsoCode(String code, String field) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    if (!code.matches("[A-Z]{3}")) {
      throw new InvalidInputException(
          field,
          "must be an upper-case ISO 4217 code, got '" + InvalidInputException.excerpt(code) + "'");
    }
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() < 0) {
        throw new InvalidInputException(field, code + " is not a currency money can be paid in");
      }
      return code;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          field, "unknown ISO 4217 currency '" + InvalidInputException.excerpt(code) + "'");
    }
  }

  public static int minorUnits(String code) {
    return Currency.getInstance(code).getDefaultFractionDigits();
  }

  /**
   * Rejects an amount that has more decimals than the currency has minor units: never round input.
   */
  public static void requireMinorUnits(BigDecimal amount, String currency, String field) {
    int allowed = minorUnits(currency);
    if (amount.stripTrailingZeros().scale() > allowed) {
      throw new InvalidInputException(
          field,
          currency
              + " allows at most "
              + allowed
              + " decimals, got "
              + InvalidInputException.excerpt(amount.toPlainString()));
    }
  }
}
