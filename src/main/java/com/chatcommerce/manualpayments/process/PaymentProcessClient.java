package com.chatcommerce.manualpayments.process;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The commands the API sends to the engine. Every failure surfaces as {@link
 * EngineUnavailableException}.
 */
@Component
public class PaymentProcessClient {

  private final CamundaClient camunda;
  private final Duration messageTimeToLive;

  public PaymentProcessClient(
      CamundaClient camunda,
      @Value("${manual-payments.decision-message-ttl}") Duration messageTimeToLive) {
    this.camunda = camunda;
    this.messageTimeToLive = messageTimeToLive;
  }

  /**
   * Starts an order's payment instance, tagged so that analysts find it in Operate by the order id.
   */
  public long startPayment(String orderId, Object variables) {
    try {
      return camunda
          .newCreateInstanceCommand()
          .bpmnProcessId(ManualPaymentProcess.PROCESS_ID)
          .latestVersion()
          .variables(variables)
          .tags(ManualPaymentProcess.orderTag(orderId))
          .send()
          .join()
          .getProcessInstanceKey();
    } catch (RuntimeException e) {
      throw new EngineUnavailableException(
          "start " + ManualPaymentProcess.PROCESS_ID + " for order " + orderId, e);
    }
  }

  /**
   * The longest the engine may take to answer a start: after it, the API gives up and rolls the
   * order back. The process waits at least this long for an order the API has not committed yet.
   */
  public Duration requestTimeout() {
    return camunda.getConfiguration().getDefaultRequestTimeout();
  }

  /**
   * Sends a decision to the order's review. The message id makes the broker drop a repeated
   * decision while the message lives; the message waits, for its time to live, if the review task
   * is not active yet.
   */
  public void publishDecision(String orderId, String messageId, Object variables) {
    publish(
        Messages.DECISION,
        orderId,
        messageId,
        variables,
        "accept the decision for order " + orderId);
  }

  /**
   * Starts the order's refund instance. The engine runs one instance per order id at a time, and
   * the message id, which is the order's own, drops a repeated request while the message lives.
   */
  public void requestRefund(String orderId, Object variables) {
    publish(
        Messages.REFUND_REQUESTED,
        orderId,
        "refund:" + orderId,
        variables,
        "start the refund of order " + orderId);
  }

  private void publish(
      String name, String orderId, String messageId, Object variables, String action) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(name)
          .correlationKey(orderId)
          .messageId(messageId)
          .timeToLive(messageTimeToLive)
          .variables(variables)
          .send()
          .join();
    } catch (RuntimeException e) {
      if (!alreadyPublished(e)) {
        throw new EngineUnavailableException(action, e);
      }
    }
  }

  /**
   * The engine already holds a message with this id: the same request, retried after an answer that
   * timed out although the engine had taken it in. It is accepted, not an error.
   */
  private static boolean alreadyPublished(RuntimeException e) {
    return e instanceof ClientStatusException status
            && status.getStatusCode() == Status.Code.ALREADY_EXISTS
        || e instanceof ClientHttpException http && http.code() == HttpStatus.CONFLICT.value();
  }
}
