package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.ListedOrder;
import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderHistoryEntry;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.OrderTerms;
import com.chatcommerce.manualpayments.order.Payer;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.RejectionReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class OrderJson {

  private OrderJson() {}

  record ClientSubmission(Long offerId, Long clientId, String paymentDate, String comment) {}

  /**
   * A manager's "add manual payment": for a CRM client ({@code clientId}, with the client's email
   * and phone), or for any user of the platform ({@code payer} instead, kept on the manual account).
   */
  record ManagerSubmission(
      Long clientId, Payer payer, Long offerId, String email, String phone, String paymentDate, String comment) {}

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
      Payer payer,
      Terms terms,
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
          o.paymentDate(), o.comment(), o.managerComment(), o.contactEmail(), o.contactPhone(),
          o.payer().orElse(null), history == null ? null : Terms.of(o.terms()), o.reviewDeadline(),
          o.rejectionReason(), o.pendingAction(), o.processInstanceKey(), o.submittedAt(), o.updatedAt(),
          history == null ? null : history.stream().map(HistoryLine::of).toList());
    }
  }

  /**
   * The payment system's terms and the exchange rates the order was submitted under, shown with
   * one order: a correction reprices with these, whatever the payment system says now.
   */
  record Terms(
      String commissionPercent,
      MoneyJson fixedFee,
      String accountCurrency,
      String transactionCurrency,
      List<String> supportedCurrencies,
      Map<String, String> rates) {

    static Terms of(OrderTerms t) {
      Map<String, String> rates = new LinkedHashMap<>();
      t.rates().byPair().forEach((pair, rate) -> rates.put(pair, rate.stripTrailingZeros().toPlainString()));
      return new Terms(
          t.commissionPercent().stripTrailingZeros().toPlainString(),
          t.fixedFeeAmount() == null ? null : MoneyJson.of(t.fixedFeeAmount(), t.fixedFeeCurrency()),
          t.accountCurrency(), t.transactionCurrency(), t.supportedCurrencies(), rates);
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
