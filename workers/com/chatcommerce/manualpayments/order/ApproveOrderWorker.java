package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Approves the order: APPROVED for a client's payment, COMPLETED for one a manager added. */
@Component
public class ApproveOrderWorker {

  private final ReviewOutcomeApplier applier;

  ApproveOrderWorker(ReviewOutcomeApplier applier) {
    this.applier = applier;
  }

  @JobWorker(
      type = JobTypes.ORDER_APPROVE,
      fetchVariables = {
        Variables.ORDER_ID, Variables.AMOUNT, Variables.CURRENCY, Variables.PAYMENT_DATE, Variables.COMMENT,
        Variables.DECISION_DOOR, Variables.DECIDED_BY, Variables.REJECTION_REASON
      })
  public Map<String, Object> approve(@VariablesAsType ReviewOutcome outcome) {
    return applier.apply(outcome, Decision.APPROVE);
  }
}
