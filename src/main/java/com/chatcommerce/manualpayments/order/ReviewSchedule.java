package com.chatcommerce.manualpayments.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The review's instants, all derived from the order's review deadline: the timer that rejects the
 * order, the task's due date and the reminder. A step before the review that runs late moves none
 * of them.
 */
@Component
public class ReviewSchedule {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

  private final Duration reminderBefore;
  private final Clock clock;

  public ReviewSchedule(
      @Value("${manual-payments.review.reminder-before}") Duration reminderBefore, Clock clock) {
    this.reminderBefore = reminderBefore;
    this.clock = clock;
  }

  /**
   * {@code reminderBefore} the deadline; for a window no longer than that, halfway through it, so
   * that a short window still gets one reminder.
   */
  public Instant reminderAt(Order order) {
    Instant early = order.reviewDeadline().minus(reminderBefore);
    if (early.isAfter(order.submittedAt())) {
      return early;
    }
    Duration window = Duration.between(order.submittedAt(), order.reviewDeadline());
    return order.submittedAt().plus(window.dividedBy(2));
  }

  /** The deadline as a manager reads it on the review form, in the application's time zone. */
  public String shown(Instant deadline) {
    return SHOWN.format(deadline.atZone(clock.getZone()));
  }
}
