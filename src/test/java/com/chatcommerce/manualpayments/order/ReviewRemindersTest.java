package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewRemindersTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-01T10:00:00Z");
  private final ReviewReminders reminders = new ReviewReminders(Duration.ofDays(3));

  @Test
  void remindsThreeDaysBeforeTheDeadline() {
    assertThat(reminders.reminderAt(order(Duration.ofDays(30)))).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
  }

  @Test
  void remindsHalfwayThroughAWindowNoLongerThanTheNotice() {
    assertThat(reminders.reminderAt(order(Duration.ofDays(3)))).isEqualTo(Instant.parse("2026-11-02T22:00:00Z"));
    assertThat(reminders.reminderAt(order(Duration.ofHours(1)))).isEqualTo(Instant.parse("2026-11-01T10:30:00Z"));
  }

  private static Order order(Duration window) {
    Order order = mock(Order.class);
    when(order.submittedAt()).thenReturn(SUBMITTED);
    when(order.reviewDeadline()).thenReturn(SUBMITTED.plus(window));
    return order;
  }
}
