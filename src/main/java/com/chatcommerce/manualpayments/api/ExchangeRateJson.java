package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.money.ExchangeRate;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The JSON of the exchange rates' endpoints. */
final class ExchangeRateJson {

  private ExchangeRateJson() {}

  @Schema(name = "ExchangeRateRequest")
  record Request(
      @Schema(
              description =
                  "How many of the second currency one of the first buys: a decimal string, at most 10"
                      + " decimals.",
              pattern = ApiLimits.DECIMAL_PATTERN)
          @Size(max = ApiLimits.DECIMAL)
          String rate) {}

  @Schema(name = "ExchangeRate")
  record Response(
      @Schema(maxLength = ApiLimits.CURRENCY, pattern = ApiLimits.CURRENCY_PATTERN) String from,
      @Schema(maxLength = ApiLimits.CURRENCY, pattern = ApiLimits.CURRENCY_PATTERN) String to,
      @Schema(maxLength = ApiLimits.DECIMAL, pattern = ApiLimits.DECIMAL_PATTERN) String rate,
      Instant updatedAt) {
    static Response of(ExchangeRate r) {
      return new Response(
          r.from(), r.to(), r.rate().stripTrailingZeros().toPlainString(), r.updatedAt());
    }
  }

  @Schema(name = "ExchangeRatePage")
  record Page(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> exchangeRates,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}
}
