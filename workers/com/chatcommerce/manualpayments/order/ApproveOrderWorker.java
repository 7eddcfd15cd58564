package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * Approves the order as claimed: APPROVED for a client's payment, COMPLETED for one a manager
 * added.
 */
@Component
public class ApproveOrderWorker {

  private final OrderOutcomeService outcomes;

  ApproveOrderWorker(OrderOutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = JobTypes.ORDER_APPROVE)
  public DecidedOrder approve(@Variable(name = Variables.ORDER_ID) String orderId) {
    return DecidedOrder.of(outcomes.apply(orderId, Decision.APPROVE));
  }
}
