package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-01T10:00:00Z");
  private final ReviewSchedule schedule =
      new ReviewSchedule(Duration.ofDays(3), Clock.fixed(SUBMITTED, ZoneOffset.UTC));

  @Test
  void remindsThreeDaysBeforeTheDeadline() {
    assertThat(schedule.reminderAt(order(Duration.ofDays(30))))
        .isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
  }

  @Test
  void remindsHalfwayThroughAWindowNoLongerThanTheNotice() {
    assertThat(schedule.reminderAt(order(Duration.ofDays(3))))
        .isEqualTo(Instant.parse("2026-11-02T22:00:00Z"));
    assertThat(schedule.reminderAt(order(Duration.ofHours(1))))
        .isEqualTo(Instant.parse("2026-11-01T10:30:00Z"));
  }

  @Test
  void showsTheDeadlineToAManagerInTheApplicationsTimeZone() {
    ReviewSchedule moscow =
        new ReviewSchedule(Duration.ofDays(3), Clock.system(ZoneId.of("Europe/Moscow")));

    assertThat(schedule.shown(Instant.parse("2026-12-01T10:15:30Z")))
        .isEqualTo("1 December 2026, 10:15 Z");
    assertThat(moscow.shown(Instant.parse("2026-12-01T10:15:30Z")))
        .isEqualTo("1 December 2026, 13:15 MSK");
  }

  private static Order order(Duration window) {
    Order order = mock(Order.class);
    when(order.submittedAt()).thenReturn(SUBMITTED);
    when(order.reviewDeadline()).thenReturn(SUBMITTED.plus(window));
    return order;
  }
}
