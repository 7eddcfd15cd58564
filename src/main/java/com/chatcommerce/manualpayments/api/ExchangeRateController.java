package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.money.ExchangeRateService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

  @Operation(description = "Stores the rate from one currency to another.")
  @PutMapping("/{from}/{to}")
  @ProblemResponses({400})
  ExchangeRateJson.Response put(
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String from,
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String to,
      @Valid @RequestBody ExchangeRateJson.Request request) {
    return ExchangeRateJson.Response.of(rates.put(from, to, request.rate()));
  }

  @Operation(description = "The stored rate from one currency to another.")
  @GetMapping("/{from}/{to}")
  @ProblemResponses({400, 404})
  ExchangeRateJson.Response get(
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String from,
      @PathVariable @Size(max = ApiLimits.CURRENCY) @Pattern(regexp = ApiLimits.CURRENCY_PATTERN)
          String to) {
    return ExchangeRateJson.Response.of(rates.get(from, to));
  }

  @Operation(
      description =
          "The stored rates by currency pair, from and then to, keyset-paged: limit, cursor,"
              + " nextCursor.")
  @GetMapping
  @ProblemResponses({400})
  ExchangeRateJson.Page find(@ParameterObject @Valid PageParams paging) {
    var page = rates.find(paging.size(), paging.cursor()).map(ExchangeRateJson.Response::of);
    return new ExchangeRateJson.Page(page.items(), page.nextCursor());
  }
}
