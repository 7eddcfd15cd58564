package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.money.ExchangeRate;
import com.chatcommerce.manualpayments.money.ExchangeRateService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Exchange rates",
    description = "Stored rates for offers priced in a currency their payment system does not take")
@RestController
@RequestMapping("/api/v1/exchange-rates")
class ExchangeRateController {

  private final ExchangeRateService rates;

  ExchangeRateController(ExchangeRateService rates) {
    this.rates = rates;
  }

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

  @Operation(description = "Stores the rate from one currency to another.")
  @PutMapping("/{from}/{to}")
  @ProblemResponses({400})
  Response put(
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String from,
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String to,
      @Valid @RequestBody Request request) {
    return Response.of(rates.put(from, to, request.rate()));
  }

  @Operation(description = "The stored rate from one currency to another.")
  @GetMapping("/{from}/{to}")
  @ProblemResponses({400, 404})
  Response get(
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String from,
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String to) {
    return Response.of(rates.get(from, to));
  }

  record ExchangeRatePage(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> exchangeRates,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}

  @Operation(
      description =
          "The stored rates by currency pair, from and then to, keyset-paged: limit, cursor,"
              + " nextCursor.")
  @GetMapping
  @ProblemResponses({400})
  ExchangeRatePage find(@ParameterObject @Valid PageParams paging) {
    var page = rates.find(paging.size(), paging.cursor()).map(Response::of);
    return new ExchangeRatePage(page.items(), page.nextCursor());
  }
}
