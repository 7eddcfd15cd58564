package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reminds the platform's users, in the chat (delivered to the platform like every indicator) and in
 * the log, that a review is about to expire.
 */
@Component
public class PostReviewReminderWorker {

  private static final Logger LOG = LoggerFactory.getLogger(PostReviewReminderWorker.class);

  private final ChatIndicatorService indicators;
  private final PlatformWebhook platform;

  public PostReviewReminderWorker(ChatIndicatorService indicators, PlatformWebhook platform) {
    this.indicators = indicators;
    this.platform = platform;
  }

  public record OpenReview(String orderId, Long clientId, String reviewDeadline) {}

  @JobWorker(type = JobTypes.CHAT_POST_REMINDER)
  public void remind(@VariablesAsType OpenReview review) {
    Instant deadline = Instant.parse(review.reviewDeadline());
    ChatIndicator reminder = indicators.postReminder(review.orderId(), review.clientId(), deadline);
    LOG.warn(
        "review reminder: order={} is still open and rejects itself at {}",
        review.orderId(),
        deadline);
    platform.deliver(reminder);
  }
}
