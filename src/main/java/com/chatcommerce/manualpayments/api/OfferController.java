package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.offer.OfferDraft;
import com.chatcommerce.manualpayments.offer.OfferService;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

  @Schema(name = "OfferRequest")
  record Request(
      @Size(max = ApiLimits.NAME) String name,
      @Valid MoneyJson price,
      @Min(1) Long paymentSystemId,
      @Schema(
              description = "An ISO-8601 duration, at most P365D; P30D when absent.",
              example = "P7D")
          @Size(max = ApiLimits.DURATION)
          String confirmationWindow) {
    OfferDraft draft() {
      MoneyJson given = price == null ? new MoneyJson(null, null) : price;
      return new OfferDraft(
          name, given.amount(), given.currency(), paymentSystemId, confirmationWindow);
    }
  }

  /** An offer as the client's pay window shows it, with its payment system's public face. */
  @Schema(name = "Offer")
  record Response(
      @Schema(minimum = "1") long id,
      @Schema(maxLength = ApiLimits.NAME) String name,
      MoneyJson price,
      @Schema(minimum = "1") long paymentSystemId,
      boolean manualPayment,
      @Schema(maxLength = ApiLimits.DURATION) String confirmationWindow,
      PaymentSystemFace paymentSystem,
      Instant createdAt) {

    static Response of(Offer o) {
      return new Response(
          o.id(),
          o.name(),
          MoneyJson.of(o.price()),
          o.paymentSystem().id(),
          o.paymentSystem().isManual(),
          o.confirmationWindow(),
          PaymentSystemFace.of(o.paymentSystem()),
          o.createdAt());
    }
  }

  /** What a client may see of a payment system: never its commission or its currencies. */
  record PaymentSystemFace(
      @Schema(minimum = "1") long id,
      @Schema(maxLength = ApiLimits.NAME) String name,
      @Schema(maxLength = ApiLimits.DESCRIPTION) String description,
      @Schema(maxLength = ApiLimits.COMMENT_HINT) String commentHint,
      @Schema(maxLength = ApiLimits.URL) String imageUrl) {
    static PaymentSystemFace of(PaymentSystem p) {
      return new PaymentSystemFace(
          p.id(), p.name(), p.description(), p.commentHint(), p.imageUrl());
    }
  }

  @Operation(
      description = "Creates an offer paid through a payment system, with its time to confirm.")
  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<Response> create(@Valid @RequestBody Request request) {
    Offer offer = offers.create(request.draft());
    return ResponseEntity.created(URI.create("/api/v1/offers/" + offer.id()))
        .body(Response.of(offer));
  }

  /**
   * Replaces the offer for orders submitted from now on; an open order keeps its price, fee and
   * deadline.
   */
  @Operation(
      description =
          "Replaces the offer for orders submitted from now on; an open order keeps its price, fee and deadline.")
  @PutMapping("/{id}")
  @ProblemResponses({400, 404})
  Response update(@PathVariable @Min(1) long id, @Valid @RequestBody Request request) {
    return Response.of(offers.update(id, request.draft()));
  }

  record OfferPage(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> offers,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}

  @Operation(
      description =
          "The offers as the client's pay window shows them, in the order they were created,"
              + " keyset-paged: limit, cursor, nextCursor; manualPayment=true keeps those of manual"
              + " payment systems.")
  @GetMapping
  @ProblemResponses({400})
  OfferPage find(
      @RequestParam(defaultValue = "false") boolean manualPayment,
      @ParameterObject @Valid PageParams paging) {
    var page = offers.find(manualPayment, paging.size(), paging.cursor()).map(Response::of);
    return new OfferPage(page.items(), page.nextCursor());
  }

  @Operation(description = "One offer with its payment system's public face.")
  @GetMapping("/{id}")
  @ProblemResponses({400, 404})
  Response get(@PathVariable @Min(1) long id) {
    return Response.of(offers.get(id));
  }
}
