package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/**
 * Posts the indicator of the order's new status in the platform chat with its client, and delivers
 * it to the platform. The indicator is written once; a failed delivery fails the job, whose retry
 * finds the indicator and delivers it again.
 */
@Component
public class PostChatIndicatorWorker {

  private final ChatIndicatorService indicators;
  private final PlatformWebhook platform;

  public PostChatIndicatorWorker(ChatIndicatorService indicators, PlatformWebhook platform) {
    this.indicators = indicators;
    this.platform = platform;
  }

  public record ReachedStatus(String orderId, Long clientId, String status) {}

  @JobWorker(type = JobTypes.CHAT_POST_INDICATOR)
  public void post(@VariablesAsType ReachedStatus reached) {
    platform.deliver(
        indicators.post(
            reached.orderId(), reached.clientId(), OrderStatus.valueOf(reached.status())));
  }
}
