package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Rejects the order, for a manager's decision or for the review's timeout. */
@Component
public class RejectOrderWorker {

  private final ReviewOutcomeApplier applier;

  RejectOrderWorker(ReviewOutcomeApplier applier) {
    this.applier = applier;
  }

  @JobWorker(
      type = JobTypes.ORDER_REJECT,
      fetchVariables = {
        Variables.ORDER_ID, Variables.AMOUNT, Variables.CURRENCY, Variables.PAYMENT_DATE, Variables.COMMENT,
        Variables.DECISION_DOOR, Variables.DECIDED_BY, Variables.REJECTION_REASON
      })
  public Map<String, Object> reject(@VariablesAsType ReviewOutcome outcome) {
    return applier.apply(outcome, Decision.REJECT);
  }
}
