package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.Correction;
import com.chatcommerce.manualpayments.order.Decision;
import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderPage;
import com.chatcommerce.manualpayments.order.OrderQueries;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.PaymentRequests;
import com.chatcommerce.manualpayments.order.Submission;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

  /** Until the API knows its callers (identity comes with roles), the history names the door only. */
  private static final String API_ACTOR = "platform-api";

  private final PaymentRequests requests;
  private final OrderQueries queries;

  OrderController(PaymentRequests requests, OrderQueries queries) {
    this.requests = requests;
    this.queries = queries;
  }

  /** The client pressed "Pay". */
  @PostMapping("/api/v1/orders")
  ResponseEntity<OrderJson.Response> submit(@RequestBody OrderJson.ClientSubmission body) {
    Order order =
        requests.submit(
            new Submission(
                OrderSource.CLIENT, body.clientId(), body.offerId(), body.paymentDate(), body.comment(), null, null,
                false));
    return created(order);
  }

  /** A manager's "add manual payment". */
  @PostMapping("/api/v1/manual-payments")
  ResponseEntity<OrderJson.Response> add(@RequestBody OrderJson.ManagerSubmission body) {
    Order order =
        requests.submit(
            new Submission(
                OrderSource.MANAGER, body.clientId(), body.offerId(), body.paymentDate(), body.comment(),
                body.email(), body.phone(), true));
    return created(order);
  }

  @GetMapping("/api/v1/orders")
  OrderJson.Page list(
      @RequestParam(required = false) OrderStatus status,
      @RequestParam(required = false) Long clientId,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String cursor) {
    OrderPage page = queries.list(status, clientId, limit, cursor);
    return new OrderJson.Page(
        page.orders().stream().map(o -> OrderJson.Response.of(o, null)).toList(), page.nextCursor());
  }

  @GetMapping("/api/v1/orders/{id}")
  OrderJson.Response get(@PathVariable String id) {
    return OrderJson.Response.of(queries.get(id), queries.history(id));
  }

  @PostMapping("/api/v1/orders/{id}/approve")
  ResponseEntity<OrderJson.Response> approve(
      @PathVariable String id,
      @RequestBody(required = false) OrderJson.DecisionRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    return decide(id, Decision.APPROVE, body, idempotencyKey);
  }

  @PostMapping("/api/v1/orders/{id}/reject")
  ResponseEntity<OrderJson.Response> reject(
      @PathVariable String id,
      @RequestBody(required = false) OrderJson.DecisionRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    return decide(id, Decision.REJECT, body, idempotencyKey);
  }

  @PostMapping("/api/v1/orders/{id}/refund")
  ResponseEntity<OrderJson.Response> refund(
      @PathVariable String id, @RequestBody(required = false) OrderJson.RefundRequest body) {
    Order order = requests.refund(id, body == null ? null : body.comment(), API_ACTOR);
    return ResponseEntity.accepted().body(OrderJson.Response.of(order, null));
  }

  private ResponseEntity<OrderJson.Response> decide(
      String id, Decision decision, OrderJson.DecisionRequest body, String idempotencyKey) {
    Correction correction =
        body == null
            ? Correction.NONE
            : new Correction(
                body.amount() == null ? null : body.amount().amount(),
                body.amount() == null ? null : body.amount().currency(),
                body.paymentDate(),
                body.comment());
    Order order = requests.decide(id, decision, correction, API_ACTOR, idempotencyKey);
    return ResponseEntity.accepted().body(OrderJson.Response.of(order, null));
  }

  private static ResponseEntity<OrderJson.Response> created(Order order) {
    return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()))
        .body(OrderJson.Response.of(order, null));
  }
}
