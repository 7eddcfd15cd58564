package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.money.ExchangeRate;
import com.chatcommerce.manualpayments.money.ExchangeRates;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exchange-rates")
class ExchangeRateController {

  private final ExchangeRates rates;

  ExchangeRateController(ExchangeRates rates) {
    this.rates = rates;
  }

  record Request(String rate) {}

  record Response(String from, String to, String rate, Instant updatedAt) {
    static Response of(ExchangeRate r) {
      return new Response(r.from(), r.to(), r.rate().stripTrailingZeros().toPlainString(), r.updatedAt());
    }
  }

  @PutMapping("/{from}/{to}")
  @ProblemResponses({400})
  Response put(@PathVariable String from, @PathVariable String to, @RequestBody Request request) {
    return Response.of(rates.put(from, to, request.rate()));
  }

  @GetMapping("/{from}/{to}")
  @ProblemResponses({400, 404})
  Response get(@PathVariable String from, @PathVariable String to) {
    return Response.of(rates.get(from, to));
  }

  @GetMapping
  @ProblemResponses({})
  List<Response> all() {
    return rates.all().stream().map(Response::of).toList();
  }
}
