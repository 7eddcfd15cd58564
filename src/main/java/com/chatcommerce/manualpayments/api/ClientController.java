package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.chat.ChatIndicator;
import com.chatcommerce.manualpayments.chat.ChatIndicatorService;
import com.chatcommerce.manualpayments.crm.Client;
import com.chatcommerce.manualpayments.crm.ClientOrder;
import com.chatcommerce.manualpayments.crm.ClientService;
import com.chatcommerce.manualpayments.crm.CrmOrderHistoryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

@Tag(
    name = "Clients",
    description = "The CRM's clients, their order history and their chat indicators")
@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

  private final ClientService clients;
  private final CrmOrderHistoryService orderHistory;
  private final ChatIndicatorService indicators;

  ClientController(
      ClientService clients, CrmOrderHistoryService orderHistory, ChatIndicatorService indicators) {
    this.clients = clients;
    this.orderHistory = orderHistory;
    this.indicators = indicators;
  }

  @Schema(name = "ClientRequest")
  record Request(
      @Size(max = ApiLimits.NAME) String name,
      @Schema(format = "email") @Size(max = ApiLimits.EMAIL) String email,
      @Schema(pattern = ApiLimits.PHONE_PATTERN) @Size(max = ApiLimits.PHONE) String phone) {}

  @Schema(name = "Client")
  record Response(
      @Schema(minimum = "1") long id,
      @Schema(maxLength = ApiLimits.NAME) String name,
      @Schema(maxLength = ApiLimits.EMAIL, format = "email") String email,
      @Schema(maxLength = ApiLimits.PHONE, pattern = ApiLimits.PHONE_PATTERN) String phone,
      boolean manualAccount,
      Instant createdAt) {
    static Response of(Client c) {
      return new Response(
          c.id(), c.name(), c.email(), c.phone(), c.isManualAccount(), c.createdAt());
    }
  }

  record OrderLine(
      @Schema(maxLength = ApiLimits.UUID, format = "uuid") String orderId,
      @Schema(minimum = "1") long offerId,
      @Schema(maxLength = ApiLimits.WORD) String status,
      MoneyJson amount,
      Instant updatedAt) {
    static OrderLine of(ClientOrder o) {
      return new OrderLine(
          o.orderId(),
          o.offerId(),
          o.status(),
          MoneyJson.of(o.amount(), o.currency()),
          o.updatedAt());
    }
  }

  record Indicator(
      @Schema(minimum = "1") long id,
      @Schema(maxLength = ApiLimits.UUID, format = "uuid") String orderId,
      @Schema(maxLength = ApiLimits.WORD) String status,
      @Schema(maxLength = ApiLimits.COMMENT) String text,
      @Schema(allowableValues = {ChatIndicatorService.AUDIENCE}) String audience,
      Instant createdAt) {
    static Indicator of(ChatIndicator i) {
      return new Indicator(
          i.id(), i.orderId(), i.status(), i.text(), ChatIndicatorService.AUDIENCE, i.createdAt());
    }
  }

  @Operation(description = "Creates a CRM client: name, email, phone.")
  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<Response> create(@Valid @RequestBody Request request) {
    Client client = clients.create(request.name(), request.email(), request.phone());
    return ResponseEntity.created(URI.create("/api/v1/clients/" + client.id()))
        .body(Response.of(client));
  }

  /** Replaces the client's name and contacts; orders keep the contacts they were submitted with. */
  @Operation(
      description =
          "Replaces the client's name and contacts; orders keep the contacts they were submitted with.")
  @PutMapping("/{id}")
  @ProblemResponses({400, 404})
  Response update(@PathVariable @Min(1) long id, @Valid @RequestBody Request request) {
    return Response.of(clients.update(id, request.name(), request.email(), request.phone()));
  }

  record ClientPage(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> clients,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}

  record OrderLines(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<OrderLine> orders,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}

  record Indicators(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Indicator> indicators,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}

  /**
   * Managers find a client by name, email or phone; without {@code q}, every client. In the order
   * they were created, keyset-paged like the orders.
   */
  @Operation(
      description =
          "The clients in the order they were created, keyset-paged: limit, cursor, nextCursor;"
              + " with q, those whose name, email or phone contains it, in any case.")
  @GetMapping
  @ProblemResponses({400})
  ClientPage find(
      @Parameter(description = "Part of the name, email or phone, any case.")
          @RequestParam(required = false)
          @Size(max = ApiLimits.SEARCH)
          String q,
      @ParameterObject @Valid PageParams paging) {
    var page = clients.find(q, paging.size(), paging.cursor()).map(Response::of);
    return new ClientPage(page.items(), page.nextCursor());
  }

  /**
   * The manual account: the client that keeps the payments managers record for users of the
   * platform who are not CRM clients; its order history lists them.
   */
  @Operation(
      description =
          "The manual account: the client that keeps the payments managers record with a payer.")
  @GetMapping("/manual-account")
  @ProblemResponses({})
  Response manualAccount() {
    return Response.of(clients.manualAccount());
  }

  @Operation(description = "One client.")
  @GetMapping("/{id}")
  @ProblemResponses({400, 404})
  Response get(@PathVariable @Min(1) long id) {
    return Response.of(clients.get(id));
  }

  /** The order history on the client's card, as the CRM shows it. */
  @Operation(
      description =
          "The order history on the client's card, the most recently updated first, keyset-paged.")
  @GetMapping("/{id}/orders")
  @ProblemResponses({400, 404})
  OrderLines orders(@PathVariable @Min(1) long id, @ParameterObject @Valid PageParams paging) {
    var page = orderHistory.ofClient(id, paging.size(), paging.cursor()).map(OrderLine::of);
    return new OrderLines(page.items(), page.nextCursor());
  }

  /** Oldest first, as the chat shows them. */
  @Operation(description = "The client's chat indicators, oldest first, keyset-paged.")
  @GetMapping("/{id}/chat-indicators")
  @ProblemResponses({400, 404})
  Indicators chatIndicators(
      @PathVariable @Min(1) long id, @ParameterObject @Valid PageParams paging) {
    clients.get(id);
    var page = indicators.ofClient(id, paging.size(), paging.cursor()).map(Indicator::of);
    return new Indicators(page.items(), page.nextCursor());
  }
}
