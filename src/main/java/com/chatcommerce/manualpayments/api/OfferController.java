package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.offer.OfferService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Offers", description = "What clients pay for, each through a payment system")
@RestController
@RequestMapping("/api/v1/offers")
class OfferController {

  private final OfferService offers;

  OfferController(OfferService offers) {
    this.offers = offers;
  }

  @Operation(
      description = "Creates an offer paid through a payment system, with its time to confirm.")
  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<OfferJson.Response> create(@Valid @RequestBody OfferJson.Request request) {
    Offer offer = offers.create(request.draft());
    return ResponseEntity.created(URI.create("/api/v1/offers/" + offer.id()))
        .body(OfferJson.Response.of(offer));
  }

  @Operation(
      description =
          "Replaces the offer for orders submitted from now on; an open order keeps its price, fee and deadline.")
  @PutMapping("/{id}")
  @ProblemResponses({400, 404})
  OfferJson.Response update(
      @PathVariable @Min(1) long id, @Valid @RequestBody OfferJson.Request request) {
    return OfferJson.Response.of(offers.update(id, request.draft()));
  }

  @Operation(
      description =
          "The offers as the client's pay window shows them, in the order they were created,"
              + " keyset-paged: limit, cursor, nextCursor; manualPayment=true keeps those of manual"
              + " payment systems.")
  @GetMapping
  @ProblemResponses({400})
  OfferJson.Page find(
      @RequestParam(defaultValue = "false") boolean manualPayment,
      @ParameterObject @Valid PageParams paging) {
    var page =
        offers.find(manualPayment, paging.size(), paging.cursor()).map(OfferJson.Response::of);
    return new OfferJson.Page(page.items(), page.nextCursor());
  }

  @Operation(description = "One offer with its payment system's public face.")
  @GetMapping("/{id}")
  @ProblemResponses({400, 404})
  OfferJson.Response get(@PathVariable @Min(1) long id) {
    return OfferJson.Response.of(offers.get(id));
  }
}
