package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.offer.OfferDraft;
import com.chatcommerce.manualpayments.offer.Offers;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/offers")
class OfferController {

  private final Offers offers;

  OfferController(Offers offers) {
    this.offers = offers;
  }

  record Request(String name, MoneyJson price, Long paymentSystemId, String confirmationWindow) {
    OfferDraft draft() {
      MoneyJson given = price == null ? new MoneyJson(null, null) : price;
      return new OfferDraft(name, given.amount(), given.currency(), paymentSystemId, confirmationWindow);
    }
  }

  /** An offer as the client's pay window shows it, with its payment system's public face. */
  record Response(
      long id, String name, MoneyJson price, long paymentSystemId, boolean manualPayment,
      String confirmationWindow, PaymentSystemFace paymentSystem, Instant createdAt) {

    static Response of(Offer o) {
      return new Response(
          o.id(), o.name(), MoneyJson.of(o.price()), o.paymentSystem().id(), o.paymentSystem().isManual(),
          o.confirmationWindow(), PaymentSystemFace.of(o.paymentSystem()), o.createdAt());
    }
  }

  /** What a client may see of a payment system: never its commission or its currencies. */
  record PaymentSystemFace(long id, String name, String description, String commentHint, String imageUrl) {
    static PaymentSystemFace of(PaymentSystem p) {
      return new PaymentSystemFace(p.id(), p.name(), p.description(), p.commentHint(), p.imageUrl());
    }
  }

  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<Response> create(@RequestBody Request request) {
    Offer offer = offers.create(request.draft());
    return ResponseEntity.created(URI.create("/api/v1/offers/" + offer.id())).body(Response.of(offer));
  }

  /** Replaces the offer for orders submitted from now on; an open order keeps its price, fee and deadline. */
  @PutMapping("/{id}")
  @ProblemResponses({400, 404})
  Response update(@PathVariable long id, @RequestBody Request request) {
    return Response.of(offers.update(id, request.draft()));
  }

  @GetMapping
  @ProblemResponses({400})
  List<Response> all(@RequestParam(defaultValue = "false") boolean manualPayment) {
    return offers.all(manualPayment).stream().map(Response::of).toList();
  }

  @GetMapping("/{id}")
  @ProblemResponses({404})
  Response get(@PathVariable long id) {
    return Response.of(offers.get(id));
  }
}
