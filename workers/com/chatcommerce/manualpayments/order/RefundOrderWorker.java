package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/** Marks an approved or completed order as REFUNDED. */
@Component
public class RefundOrderWorker {

  private final OrderOutcomeService outcomes;

  public RefundOrderWorker(OrderOutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  /** The refund's order as the CRM step reads it. */
  public record RefundedOrder(long offerId, String status, String amount, String currency) {}

  @JobWorker(type = JobTypes.ORDER_REFUND)
  public RefundedOrder refund(@VariablesAsType RefundRequested refund) {
    Order order =
        outcomes.refund(
            refund.orderId(), new Actor(refund.decidedBy(), Channel.API), refund.comment());
    return new RefundedOrder(
        order.offerId(),
        order.status().name(),
        order.amount().amountText(),
        order.amount().currency());
  }
}
