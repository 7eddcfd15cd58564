package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.MissingExchangeRateException;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.ListenerHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.grpc.Status;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The review task's {@code completing} listener: Tasklist's channel. It claims the order for the
 * decision the manager submitted, in the manager's name (the task's assignee), before the task
 * completes. A completion it cannot claim for is denied with the reason, which Tasklist shows; the
 * task stays with the manager, with the same deadline.
 */
@Component
public class ClaimReviewWorker {

  private static final Logger LOG = LoggerFactory.getLogger(ClaimReviewWorker.class);

  /**
   * The review form's labels of the fields an error names, as the manager sees them in Tasklist.
   */
  private static final Map<String, String> FORM_LABELS =
      Map.of(
          "amount.amount", "Amount actually paid",
          "amount.currency", "Currency of that amount",
          "paymentDate", "Actual payment date",
          "comment", "Your comment");

  private final DecisionClaimService claims;

  public ClaimReviewWorker(DecisionClaimService claims) {
    this.claims = claims;
  }

  /**
   * Fetches every variable: with a list of names, the 8.8 engine fails to hand out a task
   * listener's job whose completion carries a null value (a form field left empty, as form-js
   * submits it) while it filters them ({@code JobVariablesCollector}, a NullPointerException from
   * {@code Collectors.toMap}), and the manager's completion is lost. {@code TasklistReviewTest}
   * found it.
   */
  @JobWorker(type = JobTypes.ORDER_CLAIM_REVIEW, autoComplete = false, fetchAllVariables = true)
  public void claim(@VariablesAsType ReviewDecision submitted, ActivatedJob job, JobClient client) {
    String refusal = refusal(submitted, job);
    CompleteJobCommandStep1 completion = client.newCompleteCommand(job);
    if (refusal != null) {
      completion =
          completion.withResult(result -> result.forUserTask().deny(true).deniedReason(refusal));
    }
    try {
      completion.send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      // The platform's decision or the deadline closed the review meanwhile; a claim made here is
      // settled by the process all the same.
      LOG.info(
          "review of order {} closed while its completion was checked: {}",
          submitted.orderId(),
          e.getMessage());
    }
  }

  /** Why the completion cannot be the order's decision; null once the order is claimed for it. */
  private String refusal(ReviewDecision submitted, ActivatedJob job) {
    String assignee = job.getCustomHeaders().get(ListenerHeaders.ASSIGNEE);
    if (assignee == null || assignee.isBlank()) {
      return "Assign the task to yourself before completing it: the order records who decided.";
    }
    try {
      claims.claimBeforeDeadline(
          submitted.orderId(),
          "tasklist:" + job.getCustomHeaders().get(ListenerHeaders.USER_TASK_KEY),
          submitted.decisionValue(),
          submitted.correction(),
          new Actor(assignee, Channel.TASKLIST));
      return null;
    } catch (InvalidInputException e) {
      return FORM_LABELS.getOrDefault(e.field(), e.field()) + ": " + e.getMessage();
    } catch (MissingExchangeRateException | ConflictException | IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
