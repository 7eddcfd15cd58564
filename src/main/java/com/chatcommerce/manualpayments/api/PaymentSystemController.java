package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystems;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payment-systems")
class PaymentSystemController {

  private final PaymentSystems paymentSystems;

  PaymentSystemController(PaymentSystems paymentSystems) {
    this.paymentSystems = paymentSystems;
  }

  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<PaymentSystemJson.Response> create(@RequestBody PaymentSystemJson.Request request) {
    var created = PaymentSystemJson.Response.of(paymentSystems.create(request.draft()));
    return ResponseEntity.created(URI.create("/api/v1/payment-systems/" + created.id())).body(created);
  }

  @GetMapping
  @ProblemResponses({})
  List<PaymentSystemJson.Response> all() {
    return paymentSystems.all().stream().map(PaymentSystemJson.Response::of).toList();
  }

  @GetMapping("/{id}")
  @ProblemResponses({404})
  PaymentSystemJson.Response get(@PathVariable long id) {
    return PaymentSystemJson.Response.of(paymentSystems.get(id));
  }

  /** Replaces the payment system for orders submitted from now on; open orders keep their terms. */
  @PutMapping("/{id}")
  @ProblemResponses({400, 404, 409})
  PaymentSystemJson.Response update(@PathVariable long id, @RequestBody PaymentSystemJson.Request request) {
    return PaymentSystemJson.Response.of(paymentSystems.update(id, request.draft()));
  }
}
