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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records the submitted order as OPEN and hands the review what it shows and times. */
@Component
public class RecordOpenOrderWorker {

  private final Submissions submissions;
  private final OrderQueries queries;
  private final ReviewSchedule schedule;

  public RecordOpenOrderWorker(Submissions submissions, OrderQueries queries, ReviewSchedule schedule) {
    this.submissions = submissions;
    this.queries = queries;
    this.schedule = schedule;
  }

  /**
   * The start variables. The API sets only {@code orderId} (its order holds the rest); Tasklist's
   * start form sets the others and no {@code orderId}.
   */
  public record SubmittedPayment(String orderId, Long clientId, Long offerId, String paymentDate, String comment) {}

  @JobWorker(
      type = JobTypes.ORDER_RECORD_OPEN,
      fetchVariables = {
        Variables.ORDER_ID, Variables.CLIENT_ID, Variables.OFFER_ID, Variables.PAYMENT_DATE, Variables.COMMENT
      })
  @Transactional
  public Map<String, Object> recordOpen(@VariablesAsType SubmittedPayment payment, ActivatedJob job) {
    Order order;
    try {
      order = payment.orderId() != null
          ? submissions.attachProcess(payment.orderId(), job.getProcessInstanceKey())
          : openForTasklist(payment, job);
    } catch (InvalidInputException e) {
      throw CamundaError.bpmnError(Errors.INVALID_SUBMISSION, e.field() + ": " + e.getMessage());
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.ORDER_ID, order.id());
    variables.put(Variables.STATUS, order.status().name());
    variables.put(Variables.AMOUNT, order.amount().amountText());
    variables.put(Variables.CURRENCY, order.amount().currency());
    variables.put(Variables.PAYMENT_DATE, order.paymentDate().toString());
    variables.put(Variables.REVIEW_TIMEOUT, order.reviewTimeout());
    variables.put(Variables.REVIEW_DEADLINE, order.reviewDeadline().toString());
    variables.put(Variables.REVIEW_REMINDER_IN, schedule.reminderIn(order).toString());
    ReviewDetails details = queries.reviewDetails(order.id());
    variables.put(Variables.CLIENT_NAME, details.clientName());
    variables.put(Variables.OFFER_NAME, details.offerName());
    variables.put(Variables.CURRENCY_OPTIONS, currencyOptions(details));
    return variables;
  }

  /**
   * A process started from Tasklist has no order id yet: derive it from the instance, so that a
   * redelivered job finds the order it already opened. Tasklist's start form is for managers, so
   * the submission is theirs.
   */
  private Order openForTasklist(SubmittedPayment payment, ActivatedJob job) {
    String orderId = UUID.nameUUIDFromBytes(("process-instance:" + job.getProcessInstanceKey())
        .getBytes(StandardCharsets.UTF_8)).toString();
    Submission submission = new Submission(OrderSource.MANAGER, payment.clientId(), payment.offerId(),
        payment.paymentDate(), payment.comment(), null, null, false, null);
    return submissions.openForProcess(orderId, submission, job.getProcessInstanceKey());
  }

  private static List<Map<String, String>> currencyOptions(ReviewDetails details) {
    return details.supportedCurrencies().stream().map(code -> Map.of("label", code, "value", code)).toList();
  }
}
