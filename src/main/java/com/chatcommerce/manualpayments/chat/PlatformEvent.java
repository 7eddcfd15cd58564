package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.OrderStatusChange;
import com.chatcommerce.manualpayments.order.RejectionReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The body of the webhook that tells the platform about one indicator (spec §5): the order as it
 * stands, who moved it there and through which channel, and the text the chat shows.
 */
record PlatformEvent(
    String type,
    String orderId,
    OrderStatus status,
    String statusShownAs,
    OrderStatus previousStatus,
    long clientId,
    String offerName,
    Amount amount,
    Amount fee,
    Amount net,
    LocalDate paymentDate,
    String decidedBy,
    String channel,
    RejectionReason reason,
    Instant occurredAt,
    Instant reviewDeadline,
    String indicatorText,
    String audience) {

  static final String STATUS_CHANGED = "order.status_changed";
  static final String REVIEW_REMINDER = "order.review_reminder";

  /**
   * The platform's wire format, kept here rather than taken from the API's JSON settings, which may
   * change for the API's sake: ISO dates and instants, amounts as strings, every field present
   * (null when it has no value).
   */
  private static final ObjectMapper WIRE =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** Money as the API writes it: the amount as a decimal string, which no JSON reader rounds. */
  record Amount(String amount, String currency) {
    static Amount of(Money money) {
      return new Amount(money.amountText(), money.currency());
    }
  }

  /** The body as it is stored, signed and sent. */
  String json() {
    try {
      return WIRE.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the platform event of order " + orderId, e);
    }
  }

  /**
   * The event of an indicator of {@code type}: a reminder happens when it is posted and comes from
   * no earlier status, a status change when the order moved.
   */
  static PlatformEvent of(String type, OrderStatusChange c, Instant posted, String text) {
    boolean reminder = REVIEW_REMINDER.equals(type);
    return new PlatformEvent(
        type,
        c.orderId(),
        c.status(),
        c.status().shownAs(),
        reminder ? null : c.previousStatus(),
        c.clientId(),
        c.offerName(),
        Amount.of(c.amount()),
        Amount.of(c.fee()),
        Amount.of(c.net()),
        c.paymentDate(),
        c.decidedBy(),
        c.channel(),
        c.reason(),
        reminder ? posted : c.occurredAt(),
        c.reviewDeadline(),
        text,
        ChatIndicatorService.AUDIENCE);
  }
}
