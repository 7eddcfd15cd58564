package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.chat.ChatIndicator;
import com.chatcommerce.manualpayments.chat.ChatIndicators;
import com.chatcommerce.manualpayments.crm.Client;
import com.chatcommerce.manualpayments.crm.ClientPage;
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

  record Response(long id, String name, String email, String phone, Instant createdAt) {
    static Response of(Client c) {
      return new Response(c.id(), c.name(), c.email(), c.phone(), c.createdAt());
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

  record Page(List<Response> clients, String nextCursor) {}

  /** Managers find a client by name, email or phone; without {@code q}, every client. */
  @GetMapping
  @ProblemResponses({400})
  Page find(
      @Parameter(description = "Part of the name, email or phone, any case (at most 200 characters).")
          @RequestParam(required = false)
          String q,
      @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "20") int limit,
      @Parameter(description = "nextCursor of the previous page, with the same q.")
          @RequestParam(required = false)
          String cursor) {
    ClientPage page = clients.find(q, limit, cursor);
    return new Page(page.clients().stream().map(Response::of).toList(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @ProblemResponses({404})
  Response get(@PathVariable long id) {
    return Response.of(clients.get(id));
  }

  /** The order history on the client's card, as the CRM shows it. */
  @GetMapping("/{id}/orders")
  @ProblemResponses({404})
  List<OrderLine> orders(@PathVariable long id) {
    return orderHistory.ofClient(id).stream().map(OrderLine::of).toList();
  }

  @GetMapping("/{id}/chat-indicators")
  @ProblemResponses({404})
  List<Indicator> chatIndicators(@PathVariable long id) {
    clients.get(id);
    return indicators.ofClient(id).stream().map(Indicator::of).toList();
  }
}
