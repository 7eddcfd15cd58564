package com.chatcommerce.manualpayments.money;

/**
 * No rate is stored for a conversion the money rules need. We never guess one, not even the
 * inverse.
 */
public class MissingExchangeRateException extends RuntimeException {

  public MissingExchangeRateException(String from, String to) {
    super(
        "no exchange rate from "
            + from
            + " to "
            + to
            + "; set it with PUT /api/v1/exchange-rates/"
            + from
            + "/"
            + to);
  }
}
