package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.ListedOrder;
import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderHistoryEntry;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.RejectionReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

final class OrderJson {

  private OrderJson() {}

  record ClientSubmission(Long offerId, Long clientId, String paymentDate, String comment) {}

  record ManagerSubmission(
      Long clientId, Long offerId, String email, String phone, String paymentDate, String comment) {}

  /**
   * A manager's decision: an optional correction of the amount (a new currency only with the
   * amount paid in it) and of the payment date, and the manager's own comment.
   */
  record DecisionRequest(MoneyJson amount, String paymentDate, String comment) {}

  record RefundRequest(String comment) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Response(
      String id,
      OrderSource source,
      OrderStatus status,
      String statusShownAs,
      long clientId,
      long offerId,
      long paymentSystemId,
      String clientName,
      String offerName,
      String paymentSystemName,
      MoneyJson submitted,
      MoneyJson amount,
      MoneyJson fee,
      MoneyJson net,
      LocalDate paymentDate,
      String comment,
      String managerComment,
      String email,
      String phone,
      Instant reviewDeadline,
      RejectionReason rejectionReason,
      String pendingAction,
      Long processInstanceKey,
      Instant submittedAt,
      Instant updatedAt,
      List<HistoryLine> history) {

    static Response of(Order o, List<OrderHistoryEntry> history) {
      return of(o, null, null, null, history);
    }

    /** A row of a list, with the names a table shows. */
    static Response of(ListedOrder row) {
      return of(row.order(), row.clientName(), row.offerName(), row.paymentSystemName(), null);
    }

    private static Response of(
        Order o, String clientName, String offerName, String paymentSystemName, List<OrderHistoryEntry> history) {
      return new Response(
          o.id(), o.source(), o.status(), o.status().shownAs(), o.clientId(), o.offerId(), o.paymentSystemId(),
          clientName, offerName, paymentSystemName,
          MoneyJson.of(o.submitted()), MoneyJson.of(o.amount()), MoneyJson.of(o.fee()), MoneyJson.of(o.net()),
          o.paymentDate(), o.comment(), o.managerComment(), o.contactEmail(), o.contactPhone(), o.reviewDeadline(),
          o.rejectionReason(), o.pendingAction(), o.processInstanceKey(), o.submittedAt(), o.updatedAt(),
          history == null ? null : history.stream().map(HistoryLine::of).toList());
    }
  }

  record HistoryLine(
      String event, String field, String from, String to, String actor, String door, String comment, Instant at) {
    static HistoryLine of(OrderHistoryEntry e) {
      return new HistoryLine(
          e.event().name(), e.field(), e.fromValue(), e.toValue(), e.actor(), e.door(), e.comment(), e.createdAt());
    }
  }

  record Page(List<Response> orders, String nextCursor) {}
}
