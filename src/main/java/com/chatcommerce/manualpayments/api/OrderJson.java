package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.ListedOrder;
import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderHistoryEntry;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.OrderTerms;
import com.chatcommerce.manualpayments.order.Payer;
import com.chatcommerce.manualpayments.order.RejectionReason;
import com.chatcommerce.manualpayments.order.Submission;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class OrderJson {

  private OrderJson() {}

  record ClientSubmission(
      @Min(1) Long offerId,
      @Min(1) Long clientId,
      @Schema(
              format = "date",
              description = "An ISO date, yyyy-mm-dd; today when absent.",
              example = "2026-11-27")
          @Size(max = ApiLimits.DATE)
          String paymentDate,
      @Size(max = ApiLimits.COMMENT) String comment) {

    Submission submission(String submittedBy) {
      return Submission.byClient(clientId, offerId, paymentDate, comment, submittedBy);
    }
  }

  /**
   * A manager's "add manual payment": for a CRM client ({@code clientId}, with the client's email
   * and phone), or for any user of the platform ({@code payer} instead, kept on the manual
   * account).
   */
  record ManagerSubmission(
      @Min(1) Long clientId,
      @Valid Payer payer,
      @Min(1) Long offerId,
      @Schema(format = "email") @Size(max = ApiLimits.EMAIL) String email,
      @Schema(pattern = ApiLimits.PHONE_PATTERN) @Size(max = ApiLimits.PHONE) String phone,
      @Schema(
              format = "date",
              description = "An ISO date, yyyy-mm-dd; today when absent.",
              example = "2026-11-27")
          @Size(max = ApiLimits.DATE)
          String paymentDate,
      @Size(max = ApiLimits.COMMENT) String comment) {

    /**
     * The manager gives the client's email and phone, unless the payment is on the manual account.
     */
    Submission submission(String submittedBy) {
      return Submission.byManager(
          clientId, payer, offerId, email, phone, paymentDate, comment, submittedBy);
    }
  }

  /**
   * A manager's decision: an optional correction of the amount (a new currency only with the amount
   * paid in it) and of the payment date, and the manager's own comment.
   */
  record DecisionRequest(
      @Valid MoneyJson amount,
      @Schema(
              format = "date",
              description = "The corrected payment date, an ISO date.",
              example = "2026-11-27")
          @Size(max = ApiLimits.DATE)
          String paymentDate,
      @Size(max = ApiLimits.COMMENT) String comment) {}

  record RefundRequest(@Size(max = ApiLimits.COMMENT) String comment) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Order")
  record Response(
      @Schema(maxLength = ApiLimits.UUID, format = "uuid") String id,
      OrderSource source,
      OrderStatus status,
      @Schema(maxLength = ApiLimits.WORD) String statusShownAs,
      @Schema(minimum = "1") long clientId,
      @Schema(minimum = "1") long offerId,
      @Schema(minimum = "1") long paymentSystemId,
      @Schema(maxLength = ApiLimits.NAME) String clientName,
      @Schema(maxLength = ApiLimits.NAME) String offerName,
      @Schema(maxLength = ApiLimits.NAME) String paymentSystemName,
      MoneyJson submitted,
      MoneyJson amount,
      MoneyJson fee,
      MoneyJson net,
      LocalDate paymentDate,
      @Schema(maxLength = ApiLimits.COMMENT) String comment,
      @Schema(maxLength = ApiLimits.COMMENT) String managerComment,
      @Schema(maxLength = ApiLimits.EMAIL, format = "email") String email,
      @Schema(maxLength = ApiLimits.PHONE, pattern = ApiLimits.PHONE_PATTERN) String phone,
      Payer payer,
      Terms terms,
      Instant reviewDeadline,
      RejectionReason rejectionReason,
      @Schema(maxLength = ApiLimits.WORD) String pendingAction,
      @Schema(minimum = "1") Long processInstanceKey,
      Instant submittedAt,
      Instant updatedAt,
      @ArraySchema(maxItems = ApiLimits.HISTORY) List<HistoryLine> history) {

    static Response of(Order o, List<OrderHistoryEntry> history) {
      return of(o, null, null, null, history);
    }

    /** A row of a list, with the names a table shows. */
    static Response of(ListedOrder row) {
      return of(row.order(), row.clientName(), row.offerName(), row.paymentSystemName(), null);
    }

    private static Response of(
        Order o,
        String clientName,
        String offerName,
        String paymentSystemName,
        List<OrderHistoryEntry> history) {
      return new Response(
          o.id(),
          o.source(),
          o.status(),
          o.status().shownAs(),
          o.clientId(),
          o.offerId(),
          o.paymentSystemId(),
          clientName,
          offerName,
          paymentSystemName,
          MoneyJson.of(o.submitted()),
          MoneyJson.of(o.amount()),
          MoneyJson.of(o.fee()),
          MoneyJson.of(o.net()),
          o.paymentDate(),
          o.comment(),
          o.managerComment(),
          o.contactEmail(),
          o.contactPhone(),
          o.payer().orElse(null),
          history == null ? null : Terms.of(o.terms()),
          o.reviewDeadline(),
          o.rejectionReason(),
          o.pendingAction(),
          o.processInstanceKey(),
          o.submittedAt(),
          o.updatedAt(),
          history == null ? null : history.stream().map(HistoryLine::of).toList());
    }
  }

  /**
   * The payment system's terms and the exchange rates the order was submitted under, shown with one
   * order: a correction reprices with these, whatever the payment system says now.
   */
  @Schema(name = "OrderTerms")
  record Terms(
      @JsonUnwrapped TermsJson terms,
      @Schema(
              description = "Rates by pair, keyed FROM>TO: a decimal string each.",
              additionalPropertiesSchema = RateText.class)
          Map<String, String> rates) {

    static Terms of(OrderTerms t) {
      Map<String, String> rates = new LinkedHashMap<>();
      t.rates()
          .byPair()
          .forEach((pair, rate) -> rates.put(pair, rate.stripTrailingZeros().toPlainString()));
      return new Terms(TermsJson.of(t), rates);
    }
  }

  @Schema(type = "string", maxLength = ApiLimits.DECIMAL, pattern = ApiLimits.DECIMAL_PATTERN)
  private interface RateText {}

  record HistoryLine(
      @Schema(maxLength = ApiLimits.WORD) String event,
      @Schema(maxLength = ApiLimits.WORD) String field,
      @Schema(maxLength = ApiLimits.COMMENT) String from,
      @Schema(maxLength = ApiLimits.COMMENT) String to,
      @Schema(maxLength = ApiLimits.ACTOR) String actor,
      @Schema(maxLength = ApiLimits.WORD) String channel,
      @Schema(maxLength = ApiLimits.COMMENT) String comment,
      Instant at) {
    static HistoryLine of(OrderHistoryEntry e) {
      return new HistoryLine(
          e.event().name(),
          e.field(),
          e.fromValue(),
          e.toValue(),
          e.actor(),
          e.channel(),
          e.comment(),
          e.createdAt());
    }
  }

  @Schema(name = "OrderPage")
  record Page(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> orders,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}
}
