package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Errors;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records the submitted order as OPEN and hands the review what it shows and times. */
@Component
public class RecordOpenOrderWorker {

  private final SubmissionService submissions;
  private final OrderQueryService queries;
  private final ReviewSchedule schedule;

  public RecordOpenOrderWorker(
      SubmissionService submissions, OrderQueryService queries, ReviewSchedule schedule) {
    this.submissions = submissions;
    this.queries = queries;
    this.schedule = schedule;
  }

  /** What the rest of the process reads, and what the review form shows. */
  public record OpenOrderForReview(
      String orderId,
      String source,
      long clientId,
      long offerId,
      String status,
      String amount,
      String currency,
      String paymentDate,
      String comment,
      String reviewDeadline,
      String reviewDeadlineText,
      String reviewReminderAt,
      String clientName,
      String offerName,
      List<CurrencyOption> currencyOptions) {}

  /** An option of the review form's currency select. */
  public record CurrencyOption(String label, String value) {}

  /**
   * What a discarded submission leaves on its instance for Operate: why it opened no order, sent
   * with the BPMN error that ends the instance at its discarded end.
   */
  public record SubmissionDiscarded(String discardReason) {}

  // The starter derives a worker's variables from its record, but fetches all of them when the
  // handler takes the ActivatedJob, which this one needs for the process instance key.
  @JobWorker(
      type = JobTypes.ORDER_RECORD_OPEN,
      fetchVariables = {
        Variables.ORDER_ID,
        Variables.SUBMITTED_AT,
        Variables.CLIENT_ID,
        Variables.OFFER_ID,
        Variables.PAYMENT_DATE,
        Variables.COMMENT
      })
  @Transactional
  public OpenOrderForReview recordOpen(
      @VariablesAsType SubmittedPayment payment, ActivatedJob job) {
    Order order;
    try {
      order =
          payment.orderId() != null
              ? submissions.attachProcess(
                  payment.orderId(), submittedAt(payment), job.getProcessInstanceKey())
              : openForTasklist(payment, job);
    } catch (InvalidInputException e) {
      String reason = e.field() + ": " + e.getMessage();
      throw CamundaError.bpmnError(
          Errors.INVALID_SUBMISSION, reason, new SubmissionDiscarded(reason));
    }
    ReviewDetails details = queries.reviewDetails(order.id());
    return new OpenOrderForReview(
        order.id(),
        order.source().name(),
        order.clientId(),
        order.offerId(),
        order.status().name(),
        order.amount().amountText(),
        order.amount().currency(),
        order.paymentDate().toString(),
        order.comment(),
        order.reviewDeadline().toString(),
        schedule.shown(order.reviewDeadline()),
        schedule.reminderAt(order).toString(),
        details.clientName(),
        details.offerName(),
        details.supportedCurrencies().stream()
            .map(code -> new CurrencyOption(code, code))
            .toList());
  }

  private static Instant submittedAt(SubmittedPayment payment) {
    return payment.submittedAt() == null ? null : Instant.parse(payment.submittedAt());
  }

  /**
   * A process started from Tasklist has no order id yet: derive it from the instance, so that a
   * redelivered job finds the order it already opened. Tasklist's start form is for managers, so
   * the submission is theirs.
   */
  private Order openForTasklist(SubmittedPayment payment, ActivatedJob job) {
    String orderId =
        UUID.nameUUIDFromBytes(
                ("process-instance:" + job.getProcessInstanceKey())
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    Submission submission =
        Submission.fromTasklist(
            payment.clientId(), payment.offerId(), payment.paymentDate(), payment.comment());
    return submissions.openForProcess(orderId, submission, job.getProcessInstanceKey());
  }
}
