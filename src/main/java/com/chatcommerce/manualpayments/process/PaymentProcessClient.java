package com.chatcommerce.manualpayments.process;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The commands the API sends to the engine. Every failure surfaces as {@link EngineUnavailableException}. */
@Component
public class PaymentProcessClient {

  private final CamundaClient camunda;
  private final Duration decisionTimeToLive;

  public PaymentProcessClient(
      CamundaClient camunda, @Value("${manual-payments.decision-message-ttl}") Duration decisionTimeToLive) {
    this.camunda = camunda;
    this.decisionTimeToLive = decisionTimeToLive;
  }

  public long startPayment(Map<String, Object> variables) {
    return start(ManualPaymentProcess.PROCESS_ID, variables);
  }

  public long startRefund(Map<String, Object> variables) {
    return start(ManualPaymentProcess.REFUND_PROCESS_ID, variables);
  }

  /**
   * Sends a decision to the order's review. The message id makes the broker drop a repeated
   * decision while the message lives; the message waits, for its time to live, if the review task is
   * not active yet.
   */
  public void publishDecision(String orderId, String messageId, Map<String, Object> variables) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(Messages.DECISION)
          .correlationKey(orderId)
          .messageId(messageId)
          .timeToLive(decisionTimeToLive)
          .variables(variables)
          .send()
          .join();
    } catch (RuntimeException e) {
      if (!alreadyPublished(e)) {
        throw new EngineUnavailableException("accept the decision for order " + orderId, e);
      }
    }
  }

  /**
   * The engine already holds a message with this id: the same decision, retried with its
   * Idempotency-Key after an answer that timed out although the engine had taken it in. It is
   * accepted, not an error.
   */
  private static boolean alreadyPublished(RuntimeException e) {
    return e instanceof ClientStatusException status && status.getStatusCode() == Status.Code.ALREADY_EXISTS
        || e instanceof ClientHttpException http && http.code() == HttpStatus.CONFLICT.value();
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
