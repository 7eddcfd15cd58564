package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/** Posts the indicator of the order's new status in the platform chat with its client. */
@Component
public class PostChatIndicatorWorker {

  private final ChatIndicators indicators;

  public PostChatIndicatorWorker(ChatIndicators indicators) {
    this.indicators = indicators;
  }

  public record StatusChange(String orderId, Long clientId, String status, String amount, String currency) {}

  @JobWorker(type = JobTypes.CHAT_POST_INDICATOR)
  public void post(@VariablesAsType StatusChange change) {
    indicators.post(
        change.orderId(), change.clientId(), OrderStatus.valueOf(change.status()), change.amount(),
        change.currency());
  }
}
