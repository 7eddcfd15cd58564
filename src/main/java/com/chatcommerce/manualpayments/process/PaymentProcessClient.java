package com.chatcommerce.manualpayments.process;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The commands the API sends to the engine. Every failure surfaces as {@link EngineUnavailableException}. */
@Component
public class PaymentProcessClient {

  private final CamundaClient camunda;

  public PaymentProcessClient(CamundaClient camunda) {
    this.camunda = camunda;
  }

  public long startPayment(Map<String, Object> variables) {
    return start(ManualPaymentProcess.PROCESS_ID, variables);
  }

  public long startRefund(Map<String, Object> variables) {
    return start(ManualPaymentProcess.REFUND_PROCESS_ID, variables);
  }

  /**
   * Sends a decision to the order's review. The message id makes the broker drop a repeated
   * decision; the message waits (its time to live) if the review task is not active yet.
   */
  public void publishDecision(String orderId, String messageId, Map<String, Object> variables) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(Messages.DECISION)
          .correlationKey(orderId)
          .messageId(messageId)
          .variables(variables)
          .send()
          .join();
    } catch (RuntimeException e) {
      throw new EngineUnavailableException("accept the decision for order " + orderId, e);
    }
  }

  private long start(String processId, Map<String, Object> variables) {
    try {
      return camunda
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(variables)
          .send()
          .join()
          .getProcessInstanceKey();
    } catch (RuntimeException e) {
      throw new EngineUnavailableException(
          "start " + processId + " for order " + variables.get(Variables.ORDER_ID), e);
    }
  }
}
