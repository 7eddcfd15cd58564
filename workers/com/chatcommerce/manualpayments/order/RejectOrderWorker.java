package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** Rejects the order as claimed: by a manager, or by the deadline. */
@Component
public class RejectOrderWorker {

  private final OrderOutcomeService outcomes;

  RejectOrderWorker(OrderOutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = JobTypes.ORDER_REJECT)
  public DecidedOrder reject(@Variable(name = Variables.ORDER_ID) String orderId) {
    return DecidedOrder.of(outcomes.apply(orderId, Decision.REJECT));
  }
}
