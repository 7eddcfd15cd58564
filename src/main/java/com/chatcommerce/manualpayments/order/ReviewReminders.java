package com.chatcommerce.manualpayments.order;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When to remind managers of an open review, so that no payment expires unnoticed. */
@Component
public class ReviewReminders {

  private final Duration before;

  public ReviewReminders(@Value("${manual-payments.review.reminder-before}") Duration before) {
    this.before = before;
  }

  /**
   * {@code before} the deadline; for a window no longer than that, halfway through it, so that a
   * short window still gets one reminder.
   */
  public Instant reminderAt(Order order) {
    Instant early = order.reviewDeadline().minus(before);
    if (early.isAfter(order.submittedAt())) {
      return early;
    }
    Duration window = Duration.between(order.submittedAt(), order.reviewDeadline());
    return order.submittedAt().plus(window.dividedBy(2));
  }
}
