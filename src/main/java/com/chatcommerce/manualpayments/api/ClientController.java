package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.chat.ChatIndicatorService;
import com.chatcommerce.manualpayments.crm.Client;
import com.chatcommerce.manualpayments.crm.ClientService;
import com.chatcommerce.manualpayments.crm.CrmOrderHistoryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

  @Operation(description = "Creates a CRM client: name, email, phone.")
  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<ClientJson.Response> create(@Valid @RequestBody ClientJson.Request request) {
    Client client = clients.create(request.name(), request.email(), request.phone());
    return ResponseEntity.created(URI.create("/api/v1/clients/" + client.id()))
        .body(ClientJson.Response.of(client));
  }

  @Operation(
      description =
          "Replaces the client's name and contacts; orders keep the contacts they were submitted with.")
  @PutMapping("/{id}")
  @ProblemResponses({400, 404})
  ClientJson.Response update(
      @PathVariable @Min(1) long id, @Valid @RequestBody ClientJson.Request request) {
    return ClientJson.Response.of(
        clients.update(id, request.name(), request.email(), request.phone()));
  }

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
  ClientJson.Page find(
      @Parameter(description = "Part of the name, email or phone, any case.")
          @RequestParam(required = false)
          @Size(max = ApiLimits.SEARCH)
          String q,
      @ParameterObject @Valid PageParams paging) {
    var page = clients.find(q, paging.size(), paging.cursor()).map(ClientJson.Response::of);
    return new ClientJson.Page(page.items(), page.nextCursor());
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
  ClientJson.Response manualAccount() {
    return ClientJson.Response.of(clients.manualAccount());
  }

  @Operation(description = "One client.")
  @GetMapping("/{id}")
  @ProblemResponses({400, 404})
  ClientJson.Response get(@PathVariable @Min(1) long id) {
    return ClientJson.Response.of(clients.get(id));
  }

  /** The order history on the client's card, as the CRM shows it. */
  @Operation(
      description =
          "The order history on the client's card, the most recently updated first, keyset-paged.")
  @GetMapping("/{id}/orders")
  @ProblemResponses({400, 404})
  ClientJson.OrderLines orders(
      @PathVariable @Min(1) long id, @ParameterObject @Valid PageParams paging) {
    var page =
        orderHistory.ofClient(id, paging.size(), paging.cursor()).map(ClientJson.OrderLine::of);
    return new ClientJson.OrderLines(page.items(), page.nextCursor());
  }

  /** Oldest first, as the chat shows them. */
  @Operation(description = "The client's chat indicators, oldest first, keyset-paged.")
  @GetMapping("/{id}/chat-indicators")
  @ProblemResponses({400, 404})
  ClientJson.Indicators chatIndicators(
      @PathVariable @Min(1) long id, @ParameterObject @Valid PageParams paging) {
    clients.get(id);
    var page =
        indicators.ofClient(id, paging.size(), paging.cursor()).map(ClientJson.Indicator::of);
    return new ClientJson.Indicators(page.items(), page.nextCursor());
  }
}
