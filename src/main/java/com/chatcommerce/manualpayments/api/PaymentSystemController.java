package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemImage;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemImageService;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.io.InputStream;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@Tag(
    name = "Payment systems",
    description = "The merchants payments go through: commission, currencies, image")
@RestController
@RequestMapping("/api/v1/payment-systems")
class PaymentSystemController {

  private final PaymentSystemService paymentSystems;
  private final PaymentSystemImageService images;

  PaymentSystemController(PaymentSystemService paymentSystems, PaymentSystemImageService images) {
    this.paymentSystems = paymentSystems;
    this.images = images;
  }

  @Operation(
      description =
          "Creates a payment system: commission, fixed fee, currencies, the hint for the client's comment.")
  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<PaymentSystemJson.Response> create(
      @Valid @RequestBody PaymentSystemJson.Request request) {
    var created = PaymentSystemJson.Response.of(paymentSystems.create(request.draft()));
    return ResponseEntity.created(URI.create("/api/v1/payment-systems/" + created.id()))
        .body(created);
  }

  @Operation(
      description =
          "The payment systems in the order they were created, keyset-paged: limit, cursor,"
              + " nextCursor.")
  @GetMapping
  @ProblemResponses({400})
  PaymentSystemJson.Page find(@ParameterObject @Valid PageParams paging) {
    var page =
        paymentSystems.find(paging.size(), paging.cursor()).map(PaymentSystemJson.Response::of);
    return new PaymentSystemJson.Page(page.items(), page.nextCursor());
  }

  @Operation(description = "One payment system.")
  @GetMapping("/{id}")
  @ProblemResponses({400, 404})
  PaymentSystemJson.Response get(@PathVariable @Min(1) long id) {
    return PaymentSystemJson.Response.of(paymentSystems.get(id));
  }

  /**
   * Stores the payment system's image and points its {@code imageUrl} here. The body is the image
   * itself, PNG, JPEG or WebP by its content as well as its Content-Type, at most 1 MiB.
   */
  @Operation(
      description =
          "Stores the payment system's image (PNG, JPEG or WebP, at most 1 MiB) and points imageUrl at it.")
  @PutMapping(
      value = "/{id}/image",
      consumes = {"image/png", "image/jpeg", "image/webp"})
  @ProblemResponses({400, 404, 413, 415})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = {
        @Content(mediaType = "image/png", schema = @Schema(ref = "#/components/schemas/Image")),
        @Content(mediaType = "image/jpeg", schema = @Schema(ref = "#/components/schemas/Image")),
        @Content(mediaType = "image/webp", schema = @Schema(ref = "#/components/schemas/Image"))
      })
  PaymentSystemJson.Response uploadImage(
      @PathVariable @Min(1) long id,
      @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    byte[] content = PaymentSystemImageService.read(body);
    MediaType declared = MediaType.parseMediaType(contentType);
    return PaymentSystemJson.Response.of(
        images.upload(id, declared.getType() + "/" + declared.getSubtype(), content));
  }

  /** The uploaded image with its type; a request whose If-None-Match has its ETag gets 304. */
  @Operation(description = "The payment system's image with its type and ETag.")
  @GetMapping("/{id}/image")
  @ProblemResponses({400, 404})
  @ApiResponse(
      responseCode = "200",
      description = "The image",
      content = {
        @Content(mediaType = "image/png", schema = @Schema(ref = "#/components/schemas/Image")),
        @Content(mediaType = "image/jpeg", schema = @Schema(ref = "#/components/schemas/Image")),
        @Content(mediaType = "image/webp", schema = @Schema(ref = "#/components/schemas/Image"))
      })
  ResponseEntity<byte[]> image(@PathVariable @Min(1) long id, WebRequest request) {
    String etag = "\"" + images.etag(id) + "\"";
    if (request.checkNotModified(etag)) {
      return null;
    }
    PaymentSystemImage image = images.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .eTag(etag)
        .cacheControl(CacheControl.noCache())
        .body(image.content());
  }

  @Operation(
      description =
          "Replaces the payment system for orders submitted from now on; open orders keep their terms.")
  @PutMapping("/{id}")
  @ProblemResponses({400, 404, 409})
  PaymentSystemJson.Response update(
      @PathVariable @Min(1) long id, @Valid @RequestBody PaymentSystemJson.Request request) {
    return PaymentSystemJson.Response.of(paymentSystems.update(id, request.draft()));
  }
}
