package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.Correction;
import com.chatcommerce.manualpayments.order.Decision;
import com.chatcommerce.manualpayments.order.ListedOrder;
import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderCommandService;
import com.chatcommerce.manualpayments.order.OrderFilter;
import com.chatcommerce.manualpayments.order.OrderQueryService;
import com.chatcommerce.manualpayments.order.OrderSort;
import com.chatcommerce.manualpayments.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Orders",
    description =
        "Client payments, managers' manual payments, decisions, refunds, lists and the CSV export")
@RestController
class OrderController {

  private static final Logger LOG = LoggerFactory.getLogger(OrderController.class);
  private static final MediaType CSV = new MediaType("text", "csv");

  private final OrderCommandService commands;
  private final OrderQueryService queries;
  private final ExportSlots exports;

  OrderController(OrderCommandService commands, OrderQueryService queries, ExportSlots exports) {
    this.commands = commands;
    this.queries = queries;
    this.exports = exports;
  }

  /** The client pressed "Pay". */
  @Operation(
      description =
          "A client's submission: the order is OPEN at once, with its fee, net and review deadline.")
  @PostMapping("/api/v1/orders")
  @ProblemResponses({400, 409, 422, 503})
  ResponseEntity<OrderJson.Response> submit(
      @Valid @RequestBody OrderJson.ClientSubmission body, Authentication caller) {
    Order order = commands.submit(body.submission(Callers.name(caller)));
    return created(order);
  }

  /**
   * A manager's "add manual payment", for a CRM client or, with {@code payer}, on the manual
   * account.
   */
  @Operation(
      description =
          "A manager adds a payment, for a CRM client or, with payer, on the manual account.")
  @PostMapping("/api/v1/manual-payments")
  @ProblemResponses({400, 409, 422, 503})
  ResponseEntity<OrderJson.Response> add(
      @Valid @RequestBody OrderJson.ManagerSubmission body, Authentication caller) {
    Order order = commands.submit(body.submission(Callers.name(caller)));
    return created(order);
  }

  @Operation(
      description =
          "Orders, newest first or (sort=reviewDeadline) soonest review deadline first, filtered"
              + " and keyset-paged: limit, cursor, nextCursor. Each row carries the client's, offer's and payment system's"
              + " names, read in the page's one query.")
  @GetMapping("/api/v1/orders")
  @ProblemResponses({400})
  OrderJson.Page list(
      @ParameterObject @Valid OrderFilterParams params,
      @Parameter(
              description =
                  "submittedAt (default): newest first. reviewDeadline: soonest deadline first,"
                      + " the review queue with status=OPEN.",
              schema = @Schema(allowableValues = {"submittedAt", "reviewDeadline"}))
          @RequestParam(required = false)
          String sort,
      @ParameterObject @Valid PageParams paging,
      Authentication caller) {
    Page<ListedOrder> page =
        queries.list(
            params.filter(Callers.onlyOwnOrders(caller)),
            OrderSort.of(sort),
            paging.size(),
            paging.cursor());
    return new OrderJson.Page(
        page.items().stream().map(OrderJson.Response::of).toList(), page.nextCursor());
  }

  /**
   * The same filters as the list, every matching order, written a keyset batch at a time on the
   * request's own thread. A streamed (async) export was cut off by the async request timeout
   * however far it had got; this one runs as long as its caller reads, within a bounded number of
   * exports at once (429 beyond it).
   */
  @Operation(
      description = "Every order matching the list's filters as CSV, streamed, newest first.")
  @GetMapping("/api/v1/orders/export.csv")
  @ProblemResponses({400, 406, 429})
  @ApiResponse(
      responseCode = "200",
      description = "every matching order, newest first",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  void export(
      @ParameterObject @Valid OrderFilterParams params,
      Authentication caller,
      @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
          String accept,
      HttpServletResponse response)
      throws IOException, HttpMediaTypeNotAcceptableException {
    // Negotiated here rather than by a "produces" condition: without a mapping for it, a caller
    // that accepts only JSON fell through to GET /api/v1/orders/{id} and was told that the order
    // "export.csv" does not exist.
    if (!acceptsCsv(accept)) {
      throw new HttpMediaTypeNotAcceptableException(List.of(CSV));
    }
    OrderFilter filter = params.filter(Callers.onlyOwnOrders(caller));
    exports.run(
        () -> {
          response.setContentType(new MediaType(CSV, StandardCharsets.UTF_8).toString());
          response.setHeader(
              HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orders.csv\"");
          try {
            Writer writer =
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            writer.write(OrderCsv.HEADER);
            queries.forEachBatch(
                filter,
                batch -> {
                  try {
                    writer.write(OrderCsv.rows(batch));
                    writer.flush();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
            writer.flush();
          } catch (IOException | UncheckedIOException e) {
            // Only writing to the caller throws these: it went away or stopped reading, and the
            // rest of the export has nobody to go to.
            LOG.info("order export ended early: the caller stopped reading ({})", e.getMessage());
          }
        });
  }

  private static boolean acceptsCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(type -> type.isCompatibleWith(CSV));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  @Operation(description = "One order with its history and the terms it was submitted under.")
  @GetMapping("/api/v1/orders/{id}")
  @ProblemResponses({400, 404})
  OrderJson.Response get(
      @PathVariable @Size(max = ApiLimits.UUID) String id, Authentication caller) {
    OrderQueryService.OrderWithHistory found =
        queries.withHistory(id, Callers.onlyOwnOrders(caller));
    return OrderJson.Response.of(found.order(), found.history());
  }

  @Operation(
      description =
          "Approves an open order, optionally correcting its amount and payment date; the process applies it (202).")
  @PostMapping("/api/v1/orders/{id}/approve")
  @ProblemResponses({400, 404, 409, 422, 503})
  ResponseEntity<OrderJson.Response> approve(
      @PathVariable @Size(max = ApiLimits.UUID) String id,
      @Valid @RequestBody(required = false) OrderJson.DecisionRequest body,
      @Parameter(hidden = true) @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey,
      Authentication caller) {
    return decide(id, Decision.APPROVE, body, idempotencyKey, caller);
  }

  @Operation(
      description =
          "Rejects an open order, with the manager's comment; the process applies it (202).")
  @PostMapping("/api/v1/orders/{id}/reject")
  @ProblemResponses({400, 404, 409, 422, 503})
  ResponseEntity<OrderJson.Response> reject(
      @PathVariable @Size(max = ApiLimits.UUID) String id,
      @Valid @RequestBody(required = false) OrderJson.DecisionRequest body,
      @Parameter(hidden = true) @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey,
      Authentication caller) {
    return decide(id, Decision.REJECT, body, idempotencyKey, caller);
  }

  @Operation(description = "Refunds an approved or completed order; the process applies it (202).")
  @PostMapping("/api/v1/orders/{id}/refund")
  @ProblemResponses({400, 404, 409, 503})
  ResponseEntity<OrderJson.Response> refund(
      @PathVariable @Size(max = ApiLimits.UUID) String id,
      @Valid @RequestBody(required = false) OrderJson.RefundRequest body,
      Authentication caller) {
    Order order = commands.refund(id, body == null ? null : body.comment(), Callers.name(caller));
    return ResponseEntity.accepted().body(OrderJson.Response.of(order, null));
  }

  /**
   * The Idempotency-Key, checked and documented for every POST by the idempotency filter, also
   * names the decision's message, so that the broker drops a repeat too.
   */
  private ResponseEntity<OrderJson.Response> decide(
      String id,
      Decision decision,
      OrderJson.DecisionRequest body,
      String idempotencyKey,
      Authentication caller) {
    Correction correction =
        body == null
            ? Correction.NONE
            : new Correction(
                body.amount() == null ? null : body.amount().amount(),
                body.amount() == null ? null : body.amount().currency(),
                body.paymentDate(),
                body.comment());
    Order order = commands.decide(id, decision, correction, Callers.name(caller), idempotencyKey);
    return ResponseEntity.accepted().body(OrderJson.Response.of(order, null));
  }

  private static ResponseEntity<OrderJson.Response> created(Order order) {
    return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()))
        .body(OrderJson.Response.of(order, null));
  }
}
