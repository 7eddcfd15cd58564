package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.offer.OfferDraft;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of the offers' endpoints, with what the client's pay window may see of a payment system.
 */
final class OfferJson {

  private OfferJson() {}

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

  @Schema(name = "OfferPage")
  record Page(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> offers,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}
}
