package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.chat.ChatIndicator;
import com.chatcommerce.manualpayments.chat.ChatIndicators;
import com.chatcommerce.manualpayments.crm.Client;
import com.chatcommerce.manualpayments.crm.ClientOrder;
import com.chatcommerce.manualpayments.crm.Clients;
import com.chatcommerce.manualpayments.crm.CrmOrderHistory;
import io.swagger.v3.oas.annotations.Parameter;
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
@RequestMapping("/api/v1/clients")
class ClientController {

  private final Clients clients;
  private final CrmOrderHistory orderHistory;
  private final ChatIndicators indicators;

  ClientController(Clients clients, CrmOrderHistory orderHistory, ChatIndicators indicators) {
    this.clients = clients;
    this.orderHistory = orderHistory;
    this.indicators = indicators;
  }

  record Request(String name, String email, String phone) {}

  record Response(long id, String name, String email, String phone, boolean manualAccount, Instant createdAt) {
    static Response of(Client c) {
      return new Response(c.id(), c.name(), c.email(), c.phone(), c.isManualAccount(), c.createdAt());
    }
  }

  record OrderLine(String orderId, long offerId, String status, MoneyJson amount, Instant updatedAt) {
    static OrderLine of(ClientOrder o) {
      return new OrderLine(o.orderId(), o.offerId(), o.status(), MoneyJson.of(o.amount(), o.currency()), o.updatedAt());
    }
  }

  record Indicator(long id, String orderId, String status, String text, String audience, Instant createdAt) {
    static Indicator of(ChatIndicator i) {
      return new Indicator(i.id(), i.orderId(), i.status(), i.text(), ChatIndicators.AUDIENCE, i.createdAt());
    }
  }

  @PostMapping
  @ProblemResponses({400})
  ResponseEntity<Response> create(@RequestBody Request request) {
    Client client = clients.create(request.name(), request.email(), request.phone());
    return ResponseEntity.created(URI.create("/api/v1/clients/" + client.id())).body(Response.of(client));
  }

  /** Replaces the client's name and contacts; orders keep the contacts they were submitted with. */
  @PutMapping("/{id}")
  @ProblemResponses({400, 404})
  Response update(@PathVariable long id, @RequestBody Request request) {
    return Response.of(clients.update(id, request.name(), request.email(), request.phone()));
  }

  record ClientPage(List<Response> clients, String nextCursor) {}

  record OrderLines(List<OrderLine> orders, String nextCursor) {}

  record Indicators(List<Indicator> indicators, String nextCursor) {}

  /**
   * Managers find a client by name, email or phone; without {@code q}, every client. In the order
   * they were created, keyset-paged like the orders.
   */
  @GetMapping
  @ProblemResponses({400})
  ClientPage find(
      @Parameter(description = "Part of the name, email or phone, any case (at most 200 characters).")
          @RequestParam(required = false)
          String q,
      @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "20") int limit,
      @Parameter(description = "nextCursor of the previous page, with the same q.")
          @RequestParam(required = false)
          String cursor) {
    var page = clients.find(q, limit, cursor).map(Response::of);
    return new ClientPage(page.items(), page.nextCursor());
  }

  /**
   * The manual account: the client that keeps the payments managers record for users of the
   * platform who are not CRM clients; its order history lists them.
   */
  @GetMapping("/manual-account")
  @ProblemResponses({})
  Response manualAccount() {
    return Response.of(clients.manualAccount());
  }

  @GetMapping("/{id}")
  @ProblemResponses({404})
  Response get(@PathVariable long id) {
    return Response.of(clients.get(id));
  }

  /** The order history on the client's card, as the CRM shows it. */
  @GetMapping("/{id}/orders")
  @ProblemResponses({400, 404})
  OrderLines orders(@PathVariable long id, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String cursor) {
    var page = orderHistory.ofClient(id, limit, cursor).map(OrderLine::of);
    return new OrderLines(page.items(), page.nextCursor());
  }

  /** Oldest first, as the chat shows them. */
  @GetMapping("/{id}/chat-indicators")
  @ProblemResponses({400, 404})
  Indicators chatIndicators(@PathVariable long id, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String cursor) {
    clients.get(id);
    var page = indicators.ofClient(id, limit, cursor).map(Indicator::of);
    return new Indicators(page.items(), page.nextCursor());
  }
}
