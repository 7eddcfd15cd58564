package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Marks an approved or completed order as REFUNDED. */
@Component
public class RefundOrderWorker {

  private final Decisions decisions;

  public RefundOrderWorker(Decisions decisions) {
    this.decisions = decisions;
  }

  @JobWorker(type = JobTypes.ORDER_REFUND, fetchVariables = {Variables.ORDER_ID, Variables.COMMENT, Variables.DECIDED_BY})
  public Map<String, Object> refund(
      @Variable(name = Variables.ORDER_ID) String orderId,
      @Variable(name = Variables.COMMENT, optional = true) String comment,
      @Variable(name = Variables.DECIDED_BY, optional = true) String decidedBy) {
    Order order = decisions.refund(orderId, new Actor(decidedBy, Door.API), comment);
    return Map.of(
        Variables.STATUS, order.status().name(),
        Variables.OFFER_ID, order.offerId(),
        Variables.AMOUNT, order.amount().amountText(),
        Variables.CURRENCY, order.amount().currency());
  }
}
