package com.chatcommerce.manualpayments.crm;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Shows the order's current status and amount on the client's card in the CRM. */
@Component
public class UpdateCrmWorker {

  private final CrmOrderHistoryService history;

  public UpdateCrmWorker(CrmOrderHistoryService history) {
    this.history = history;
  }

  public record OrderState(
      String orderId, Long clientId, Long offerId, String status, String amount, String currency) {}

  @JobWorker(type = JobTypes.CRM_UPDATE_ORDER)
  public void update(@VariablesAsType OrderState state) {
    history.show(
        state.orderId(),
        state.clientId(),
        state.offerId(),
        state.status(),
        new BigDecimal(state.amount()),
        state.currency());
  }
}
