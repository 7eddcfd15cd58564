package com.chatcommerce.manualpayments.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.OrderStatusChange;
import com.chatcommerce.manualpayments.order.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The body the platform verifies and reads: its format is a contract with the platform. */
class PlatformEventTest {

  private static final OrderStatusChange REJECTED_BY_TIMEOUT =
      new OrderStatusChange(
          "5f0c2a9e-0000-4000-8000-000000000001",
          OrderStatus.REJECTED,
          OrderStatus.OPEN,
          7,
          "Yoga course",
          new Money(new BigDecimal("1500.00"), "RUB"),
          new Money(new BigDecimal("47.50"), "RUB"),
          new Money(new BigDecimal("1452.50"), "RUB"),
          LocalDate.of(2026, 11, 27),
          "timer",
          "timer",
          RejectionReason.TIMEOUT,
          Instant.parse("2026-12-27T10:15:30Z"),
          Instant.parse("2026-12-27T10:15:30Z"));

  @Test
  void statusChangeIsWrittenWithIsoDatesAmountsAsStringsAndEveryField() {
    String json =
        PlatformEvent.of(
                PlatformEvent.STATUS_CHANGED,
                REJECTED_BY_TIMEOUT,
                Instant.parse("2026-12-27T10:15:31Z"),
                "the chat's text")
            .json();

    assertThat(json)
        .isEqualTo(
            "{\"type\":\"order.status_changed\","
                + "\"orderId\":\"5f0c2a9e-0000-4000-8000-000000000001\","
                + "\"status\":\"REJECTED\",\"statusShownAs\":\"Отклонен\","
                + "\"previousStatus\":\"OPEN\",\"clientId\":7,\"offerName\":\"Yoga course\","
                + "\"amount\":{\"amount\":\"1500.00\",\"currency\":\"RUB\"},"
                + "\"fee\":{\"amount\":\"47.50\",\"currency\":\"RUB\"},"
                + "\"net\":{\"amount\":\"1452.50\",\"currency\":\"RUB\"},"
                + "\"paymentDate\":\"2026-11-27\",\"decidedBy\":\"timer\",\"channel\":\"timer\","
                + "\"reason\":\"TIMEOUT\",\"occurredAt\":\"2026-12-27T10:15:30Z\","
                + "\"reviewDeadline\":\"2026-12-27T10:15:30Z\","
                + "\"indicatorText\":\"the chat's text\",\"audience\":\"staff\"}");
  }

  @Test
  void reminderHappensWhenItIsPostedAndComesFromNoEarlierStatus() {
    String json =
        PlatformEvent.of(
                PlatformEvent.REVIEW_REMINDER,
                REJECTED_BY_TIMEOUT,
                Instant.parse("2026-12-12T08:00:00Z"),
                "still waiting")
            .json();

    assertThat(json)
        .contains(
            "\"type\":\"order.review_reminder\"",
            "\"previousStatus\":null",
            "\"occurredAt\":\"2026-12-12T08:00:00Z\"");
  }
}
