package com.chatcommerce.manualpayments.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The review's timers, as durations from now: the engine counts them on its own clock, so a clock
 * that differs between this application and the cluster does not move them.
 */
@Component
public class ReviewSchedule {

  private static final Duration AT_ONCE = Duration.ofSeconds(1);

  private final Duration reminderBefore;
  private final Clock clock;

  public ReviewSchedule(@Value("${manual-payments.review.reminder-before}") Duration reminderBefore, Clock clock) {
    this.reminderBefore = reminderBefore;
    this.clock = clock;
  }

  /** What is left of the review's time to confirm; at least a second, so that the timer stays valid. */
  public Duration timeLeft(Order order) {
    return fromNow(order.reviewDeadline());
  }

  /** When to remind managers of the open review, so that no payment expires unnoticed. */
  public Duration reminderIn(Order order) {
    return fromNow(reminderAt(order));
  }

  /**
   * {@code reminderBefore} the deadline; for a window no longer than that, halfway through it, so
   * that a short window still gets one reminder.
   */
  Instant reminderAt(Order order) {
    Instant early = order.reviewDeadline().minus(reminderBefore);
    if (early.isAfter(order.submittedAt())) {
      return early;
    }
    Duration window = Duration.between(order.submittedAt(), order.reviewDeadline());
    return order.submittedAt().plus(window.dividedBy(2));
  }

  private Duration fromNow(Instant when) {
    Duration left = Duration.between(clock.instant(), when).truncatedTo(ChronoUnit.SECONDS);
    return left.compareTo(AT_ONCE) < 0 ? AT_ONCE : left;
  }
}
