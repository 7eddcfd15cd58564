package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-01T10:00:00Z");
  private static final Clock TEN_MINUTES_LATER = Clock.fixed(SUBMITTED.plusSeconds(600), ZoneOffset.UTC);
  private final ReviewSchedule schedule = new ReviewSchedule(Duration.ofDays(3), TEN_MINUTES_LATER);

  @Test
  void remindsThreeDaysBeforeTheDeadline() {
    assertThat(schedule.reminderAt(order(Duration.ofDays(30)))).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    assertThat(schedule.reminderIn(order(Duration.ofDays(30)))).isEqualTo(Duration.ofDays(27).minusMinutes(10));
  }

  @Test
  void remindsHalfwayThroughAWindowNoLongerThanTheNotice() {
    assertThat(schedule.reminderAt(order(Duration.ofDays(3)))).isEqualTo(Instant.parse("2026-11-02T22:00:00Z"));
    assertThat(schedule.reminderIn(order(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void timeLeftCountsFromNowAndNeverDropsBelowASecond() {
    assertThat(schedule.timeLeft(order(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(50));
    assertThat(schedule.timeLeft(order(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(1));
    assertThat(schedule.reminderIn(order(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(1));
  }

  private static Order order(Duration window) {
    Order order = mock(Order.class);
    when(order.submittedAt()).thenReturn(SUBMITTED);
    when(order.reviewDeadline()).thenReturn(SUBMITTED.plus(window));
    return order;
  }
}
