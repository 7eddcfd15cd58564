package com.chatcommerce.manualpayments.process;

import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Decisions;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Errors;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code processes/manual-payment.bpmn} and the refund process on the in-memory
 * engine. The test plays the workers' part: it completes their jobs with the variables the real
 * workers return, and checks what each job receives.
 */
class ManualPaymentProcessTest {

  private static final Duration REVIEW_TIMEOUT = Duration.ofHours(1);
  private static final Duration REMINDER_BEFORE = Duration.ofMinutes(10);

  private InMemoryEngine engine;
  private String orderId;

  @BeforeEach
  void startEngine() {
    engine = InMemoryEngine.start();
    engine.useForAssertions();
    engine.client()
        .newDeployResourceCommand()
        .addResourceFile("processes/manual-payment.bpmn")
        .addResourceFile("processes/manual-payment-refund.bpmn")
        .addResourceFile("forms/manual-payment-review.form")
        .addResourceFile("forms/manual-payment-add.form")
        .send()
        .join();
    orderId = UUID.randomUUID().toString();
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void platformApprovalRecordsOpenOrderThenApprovesAndNotifies() {
    long instance = startAndReachReview("CLIENT");

    publishDecision(Map.of(Variables.DECISION, Decisions.APPROVE, Variables.DECISION_DOOR, "api"));
    ActivatedJob approve = engine.nextJob(JobTypes.ORDER_APPROVE);
    assertThat(approve.getElementId()).isEqualTo(APPROVE_ORDER);
    assertThat(approve.getVariablesAsMap())
        .containsEntry(Variables.ORDER_ID, orderId)
        .containsEntry(Variables.AMOUNT, "1500.00")
        .containsEntry(Variables.DECISION_DOOR, "api");
    complete(approve, Map.of(Variables.STATUS, "APPROVED"));
    finishOutcome("APPROVED");

    engine.assertThatInstance(instance)
        .isCompleted()
        .hasNoIncidents()
        .hasPassedElementsInOrder(
            PAYMENT_SUBMITTED, RECORD_OPEN_ORDER, UPDATE_CRM_OPEN, POST_OPEN_INDICATOR, REVIEW_ENTRY,
            DECISION_RECEIVED, DECISION_GATEWAY, APPROVE_ORDER, OUTCOME_JOIN, UPDATE_CRM_OUTCOME,
            POST_OUTCOME_INDICATOR, PAYMENT_DECIDED)
        .hasNotPassedElement(REJECT_ORDER)
        .hasNotPassedElement(REJECT_ON_TIMEOUT);
  }

  @Test
  void approvalWithCorrectionsHandsCorrectedValuesToTheApproveWorker() {
    long instance = startAndReachReview("CLIENT");

    publishDecision(
        Map.of(
            Variables.DECISION, Decisions.APPROVE,
            Variables.AMOUNT, "1400.50",
            Variables.CURRENCY, "USD",
            Variables.PAYMENT_DATE, "2026-11-01",
            Variables.COMMENT, "client paid less",
            Variables.DECISION_DOOR, "api"));
    ActivatedJob approve = engine.nextJob(JobTypes.ORDER_APPROVE);
    assertThat(approve.getVariablesAsMap())
        .containsEntry(Variables.AMOUNT, "1400.50")
        .containsEntry(Variables.CURRENCY, "USD")
        .containsEntry(Variables.PAYMENT_DATE, "2026-11-01")
        .containsEntry(Variables.COMMENT, "client paid less");
    complete(approve, Map.of(Variables.STATUS, "APPROVED", Variables.AMOUNT, "1400.50", Variables.CURRENCY, "USD"));

    ActivatedJob crm = engine.nextJob(JobTypes.CRM_UPDATE_ORDER);
    assertThat(crm.getVariablesAsMap()).containsEntry(Variables.AMOUNT, "1400.50").containsEntry(Variables.CURRENCY, "USD");
    complete(crm, Map.of());
    complete(engine.nextJob(JobTypes.CHAT_POST_INDICATOR), Map.of());
    engine.assertThatInstance(instance).isCompleted().hasPassedElement(APPROVE_ORDER);
  }

  @Test
  void platformRejectionRejectsAndNotifies() {
    long instance = startAndReachReview("CLIENT");

    publishDecision(Map.of(Variables.DECISION, Decisions.REJECT, Variables.DECISION_DOOR, "api"));
    ActivatedJob reject = engine.nextJob(JobTypes.ORDER_REJECT);
    assertThat(reject.getElementId()).isEqualTo(REJECT_ORDER);
    assertThat(reject.getVariablesAsMap()).doesNotContainKey(Variables.REJECTION_REASON);
    complete(reject, Map.of(Variables.STATUS, "REJECTED"));
    finishOutcome("REJECTED");

    engine.assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(DECISION_GATEWAY, REJECT_ORDER, OUTCOME_JOIN, PAYMENT_DECIDED)
        .hasNotPassedElement(APPROVE_ORDER);
  }

  @Test
  void managerAddedPaymentIsCompletedOnApprovalAndTheCompletedStatusReachesCrmAndChat() {
    long instance = startAndReachReview("MANAGER");

    publishDecision(Map.of(Variables.DECISION, Decisions.APPROVE, Variables.DECISION_DOOR, "api"));
    ActivatedJob approve = engine.nextJob(JobTypes.ORDER_APPROVE);
    complete(approve, Map.of(Variables.STATUS, "COMPLETED"));
    finishOutcome("COMPLETED");

    engine.assertThatInstance(instance).isCompleted().hasVariableWithValue(Variables.SOURCE, "MANAGER");
  }

  @Test
  void reviewStaysOpenOneSecondBeforeTheDeadlineAndRejectsOnTimeoutAfterIt() {
    long instance = startAndReachReview("CLIENT");

    engine.increaseTime(REVIEW_TIMEOUT.minusSeconds(1));
    complete(engine.nextJob(JobTypes.CHAT_POST_REMINDER), Map.of());
    engine.idle();
    engine.assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .hasNotPassedElement(REVIEW_TIMED_OUT);

    engine.increaseTime(Duration.ofSeconds(2));
    ActivatedJob reject = engine.nextJob(JobTypes.ORDER_REJECT);
    assertThat(reject.getElementId()).isEqualTo(REJECT_ON_TIMEOUT);
    assertThat(reject.getVariablesAsMap())
        .containsEntry(Variables.DECISION_DOOR, "timer")
        .containsEntry(Variables.REJECTION_REASON, "TIMEOUT");
    complete(reject, Map.of(Variables.STATUS, "REJECTED"));
    finishOutcome("REJECTED");

    engine.assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(REVIEW_TIMED_OUT, REJECT_ON_TIMEOUT, OUTCOME_JOIN, PAYMENT_DECIDED)
        .hasNotPassedElement(DECISION_GATEWAY);
  }

  @Test
  void reminderFiresOnceBeforeTheDeadlineAndTheReviewStaysOpen() {
    long instance = startAndReachReview("CLIENT");

    engine.increaseTime(REVIEW_TIMEOUT.minus(REMINDER_BEFORE).minusMinutes(1));
    engine.assertNoJob(JobTypes.CHAT_POST_REMINDER);

    engine.increaseTime(Duration.ofMinutes(2));
    ActivatedJob reminder = engine.nextJob(JobTypes.CHAT_POST_REMINDER);
    assertThat(reminder.getElementId()).isEqualTo(POST_REVIEW_REMINDER);
    assertThat(reminder.getVariablesAsMap()).containsKeys(Variables.ORDER_ID, Variables.CLIENT_ID, Variables.REVIEW_DEADLINE);
    complete(reminder, Map.of());
    engine.increaseTime(Duration.ofMinutes(5));
    engine.assertNoJob(JobTypes.CHAT_POST_REMINDER);

    engine.assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .hasPassedElement(REVIEW_REMINDER_DUE, 1)
        .hasPassedElement(REMINDER_POSTED, 1)
        .hasNotPassedElement(REVIEW_TIMED_OUT);
  }

  @Test
  void reminderDoesNotFireWhenTheDecisionCameEarlier() {
    long instance = startAndReachReview("CLIENT");
    publishDecision(Map.of(Variables.DECISION, Decisions.REJECT, Variables.DECISION_DOOR, "api"));
    complete(engine.nextJob(JobTypes.ORDER_REJECT), Map.of(Variables.STATUS, "REJECTED"));
    finishOutcome("REJECTED");

    engine.increaseTime(REVIEW_TIMEOUT);

    engine.assertNoJob(JobTypes.CHAT_POST_REMINDER);
    engine.assertThatInstance(instance).isCompleted().hasNotPassedElement(REVIEW_REMINDER_DUE);
  }

  @Test
  void decisionBeforeTheDeadlineCancelsTheTimer() {
    long instance = startAndReachReview("CLIENT");
    publishDecision(Map.of(Variables.DECISION, Decisions.APPROVE, Variables.DECISION_DOOR, "api"));
    complete(engine.nextJob(JobTypes.ORDER_APPROVE), Map.of(Variables.STATUS, "APPROVED"));
    finishOutcome("APPROVED");

    engine.increaseTime(REVIEW_TIMEOUT.plusHours(1));

    engine.assertThatInstance(instance).isCompleted().hasNotPassedElement(REVIEW_TIMED_OUT);
  }

  @Test
  void repeatedDecisionWithTheSameMessageIdIsDroppedByTheBroker() {
    long instance = startAndReachReview("CLIENT");
    String messageId = UUID.randomUUID().toString();
    Map<String, Object> approve = Map.of(Variables.DECISION, Decisions.APPROVE, Variables.DECISION_DOOR, "api");

    publishDecision(messageId, approve);
    assertThatThrownBy(() -> publishDecision(messageId, approve)).hasMessageContaining("ALREADY_EXISTS");
    complete(engine.nextJob(JobTypes.ORDER_APPROVE), Map.of(Variables.STATUS, "APPROVED"));
    finishOutcome("APPROVED");

    engine.assertThatInstance(instance).isCompleted().hasPassedElement(APPROVE_ORDER, 1);
  }

  @Test
  void decisionRetriedWithItsKeyAfterATimedOutAnswerIsAcceptedAndAppliedOnce() {
    long instance = startAndReachReview("CLIENT");
    PaymentProcessClient api = new PaymentProcessClient(engine.client(), Duration.ofHours(1));
    String idempotencyKey = UUID.randomUUID().toString();
    Map<String, Object> approve = Map.of(Variables.DECISION, Decisions.APPROVE, Variables.DECISION_DOOR, "api");

    api.publishDecision(orderId, idempotencyKey, approve);
    engine.idle();
    api.publishDecision(orderId, idempotencyKey, approve);
    complete(engine.nextJob(JobTypes.ORDER_APPROVE), Map.of(Variables.STATUS, "APPROVED"));
    finishOutcome("APPROVED");

    engine.assertThatInstance(instance).isCompleted().hasPassedElement(APPROVE_ORDER, 1);
  }

  /**
   * The in-memory engine cannot complete a Camunda user task (that command is REST-only). This
   * test simulates Tasklist's completion: it sets exactly what the review form submits, through the
   * task's own output mappings, and moves the token from the task to the gateway by modification.
   */
  @Test
  void tasklistDoorSimulatedByModificationApprovesThroughTheSameGateway() throws Exception {
    long instance = startAndReachReview("CLIENT");
    Map<String, Object> formOutput = new HashMap<>();
    formOutput.put(Variables.DECISION, Decisions.APPROVE);
    formOutput.put(Variables.AMOUNT, "1499.00");
    formOutput.put(Variables.CURRENCY, "RUB");
    formOutput.put(Variables.PAYMENT_DATE, "2026-11-20");
    formOutput.put(Variables.COMMENT, "checked the bank statement");
    assertThat(reviewFormKeys()).containsAll(formOutput.keySet());
    Map<String, String> outputs = reviewTaskOutputs();
    for (String key : formOutput.keySet()) {
      assertThat(outputs).containsEntry(key, "=" + key);
    }
    assertThat(outputs).containsEntry(Variables.DECISION_DOOR, "=\"tasklist\"");

    Map<String, Object> afterOutputMappings = new HashMap<>(formOutput);
    afterOutputMappings.put(Variables.DECISION_DOOR, "tasklist");
    engine.client().newSetVariablesCommand(instance).variables(afterOutputMappings).send().join();
    long reviewTaskInstance = elementInstanceKey(instance, REVIEW_PAYMENT);
    engine.client()
        .newModifyProcessInstanceCommand(instance)
        .activateElement(DECISION_GATEWAY)
        .and()
        .terminateElement(reviewTaskInstance)
        .send()
        .join();

    ActivatedJob approve = engine.nextJob(JobTypes.ORDER_APPROVE);
    assertThat(approve.getVariablesAsMap())
        .containsEntry(Variables.AMOUNT, "1499.00")
        .containsEntry(Variables.DECISION_DOOR, "tasklist")
        .containsEntry(Variables.COMMENT, "checked the bank statement");
    complete(approve, Map.of(Variables.STATUS, "APPROVED"));
    finishOutcome("APPROVED");
    engine.assertThatInstance(instance).isCompleted().hasPassedElement(APPROVE_ORDER);
  }

  @Test
  void invalidCorrectionSendsTheReviewBackWithTheReasonAndTheTimeLeft() {
    long instance = startAndReachReview("CLIENT");
    publishDecision(Map.of(Variables.DECISION, Decisions.APPROVE, Variables.CURRENCY, "XAU"));
    ActivatedJob approve = engine.nextJob(JobTypes.ORDER_APPROVE);
    engine.client()
        .newThrowErrorCommand(approve)
        .errorCode(Errors.INVALID_CORRECTION)
        .errorMessage("amount.currency: not supported")
        .variables(Map.of(Variables.REVIEW_ERROR, "amount.currency: not supported", Variables.REVIEW_TIMEOUT, "PT30M"))
        .send()
        .join();
    engine.idle();

    engine.assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .hasPassedElement(APPROVAL_CORRECTION_INVALID)
        .hasPassedElement(REVIEW_ENTRY, 2)
        .hasVariableWithValue(Variables.REVIEW_ERROR, "amount.currency: not supported")
        .isWaitingForMessages(Messages.DECISION);

    engine.increaseTime(Duration.ofMinutes(31));
    assertThat(engine.nextJob(JobTypes.ORDER_REJECT).getElementId()).isEqualTo(REJECT_ON_TIMEOUT);
  }

  @Test
  void invalidCorrectionOnRejectionAlsoAsksForTheReviewAgain() {
    long instance = startAndReachReview("CLIENT");
    publishDecision(Map.of(Variables.DECISION, Decisions.REJECT));
    ActivatedJob reject = engine.nextJob(JobTypes.ORDER_REJECT);
    engine.client().newThrowErrorCommand(reject).errorCode(Errors.INVALID_CORRECTION).send().join();
    engine.idle();

    engine.assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .hasPassedElement(REJECTION_CORRECTION_INVALID);
  }

  @Test
  void tasklistStartWithAnInvalidSubmissionIsDiscarded() {
    long instance =
        engine.client().newCreateInstanceCommand().bpmnProcessId(ManualPaymentProcess.PROCESS_ID).latestVersion()
            .variables(Map.of(Variables.CLIENT_ID, 1, Variables.OFFER_ID, 999)).send().join().getProcessInstanceKey();
    ActivatedJob record = engine.nextJob(JobTypes.ORDER_RECORD_OPEN);
    engine.client().newThrowErrorCommand(record).errorCode(Errors.INVALID_SUBMISSION).send().join();
    engine.idle();

    engine.assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(SUBMISSION_INVALID, SUBMISSION_DISCARDED)
        .hasNotPassedElement(REVIEW_PAYMENT);
  }

  @Test
  void unknownDecisionStopsAtTheGatewayAsAnIncident() {
    long instance = startAndReachReview("CLIENT");
    publishDecision(Map.of(Variables.DECISION, "MAYBE"));
    engine.idle();

    engine.assertThatInstance(instance).hasAnyIncidents().isWaitingExactlyAtElements(DECISION_GATEWAY);
  }

  @Test
  void refundMarksTheOrderRefundedAndNotifies() {
    long instance =
        engine.client().newCreateInstanceCommand().bpmnProcessId(ManualPaymentProcess.REFUND_PROCESS_ID)
            .latestVersion()
            .variables(Map.of(Variables.ORDER_ID, orderId, Variables.CLIENT_ID, 7, Variables.DECIDED_BY, "manager"))
            .send().join().getProcessInstanceKey();

    ActivatedJob refund = engine.nextJob(JobTypes.ORDER_REFUND);
    assertThat(refund.getVariablesAsMap()).containsEntry(Variables.ORDER_ID, orderId);
    complete(refund, Map.of(Variables.STATUS, "REFUNDED", Variables.OFFER_ID, 3, Variables.AMOUNT, "1500.00",
        Variables.CURRENCY, "RUB"));
    finishOutcome("REFUNDED");

    engine.assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(REFUND_REQUESTED, REFUND_ORDER, UPDATE_CRM_REFUND, POST_REFUND_INDICATOR,
            PAYMENT_REFUNDED);
  }

  /** Starts as the API does and plays the three workers before the review. */
  private long startAndReachReview(String source) {
    long instance =
        engine.client().newCreateInstanceCommand().bpmnProcessId(ManualPaymentProcess.PROCESS_ID).latestVersion()
            .variables(Map.of(
                Variables.ORDER_ID, orderId, Variables.SOURCE, source, Variables.CLIENT_ID, 7,
                Variables.OFFER_ID, 3, Variables.PAYMENT_DATE, "2026-11-28", Variables.COMMENT, "paid in cash"))
            .send().join().getProcessInstanceKey();

    ActivatedJob record = engine.nextJob(JobTypes.ORDER_RECORD_OPEN);
    assertThat(record.getVariablesAsMap()).containsEntry(Variables.ORDER_ID, orderId);
    complete(record, Map.of(
        Variables.ORDER_ID, orderId, Variables.STATUS, "OPEN", Variables.AMOUNT, "1500.00",
        Variables.CURRENCY, "RUB", Variables.REVIEW_TIMEOUT, REVIEW_TIMEOUT.toString(),
        Variables.REVIEW_DEADLINE, Instant.now().plus(REVIEW_TIMEOUT).toString(),
        Variables.REVIEW_REMINDER_IN, REVIEW_TIMEOUT.minus(REMINDER_BEFORE).toString(),
        Variables.CLIENT_NAME, "Anna Petrova", Variables.OFFER_NAME, "Yoga course",
        Variables.CURRENCY_OPTIONS, java.util.List.of(Map.of("label", "RUB", "value", "RUB"))));
    ActivatedJob crm = engine.nextJob(JobTypes.CRM_UPDATE_ORDER);
    assertThat(crm.getVariablesAsMap()).containsEntry(Variables.STATUS, "OPEN");
    complete(crm, Map.of());
    ActivatedJob chat = engine.nextJob(JobTypes.CHAT_POST_INDICATOR);
    assertThat(chat.getVariablesAsMap()).containsEntry(Variables.STATUS, "OPEN");
    complete(chat, Map.of());

    engine.assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .isWaitingForMessages(Messages.DECISION);
    return instance;
  }

  /** Plays the CRM and chat workers after an outcome, checking they are told the new status. */
  private void finishOutcome(String status) {
    ActivatedJob crm = engine.nextJob(JobTypes.CRM_UPDATE_ORDER);
    assertThat(crm.getVariablesAsMap()).containsEntry(Variables.STATUS, status);
    complete(crm, Map.of());
    ActivatedJob chat = engine.nextJob(JobTypes.CHAT_POST_INDICATOR);
    assertThat(chat.getVariablesAsMap()).containsEntry(Variables.STATUS, status);
    complete(chat, Map.of());
    engine.idle();
  }

  private void publishDecision(Map<String, Object> variables) {
    publishDecision(UUID.randomUUID().toString(), variables);
  }

  private void publishDecision(String messageId, Map<String, Object> variables) {
    engine.client().newPublishMessageCommand().messageName(Messages.DECISION).correlationKey(orderId)
        .messageId(messageId).variables(variables).send().join();
    engine.idle();
  }

  private void complete(ActivatedJob job, Map<String, Object> variables) {
    engine.client().newCompleteCommand(job).variables(variables).send().join();
  }

  private long elementInstanceKey(long instance, String elementId) {
    return StreamSupport.stream(BpmnAssert.getRecordStream().processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private static Set<String> reviewFormKeys() throws Exception {
    JsonNode form = new ObjectMapper().readTree(new File("forms/manual-payment-review.form"));
    assertThat(form.get("id").asText()).isEqualTo(ManualPaymentProcess.REVIEW_FORM_ID);
    Set<String> keys = new HashSet<>();
    form.get("components").forEach(c -> { if (c.has("key")) keys.add(c.get("key").asText()); });
    return keys;
  }

  private static Map<String, String> reviewTaskOutputs() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/manual-payment.bpmn"));
    UserTask review = model.getModelElementById(REVIEW_PAYMENT);
    Map<String, String> outputs = new HashMap<>();
    for (ZeebeOutput output : review.getSingleExtensionElement(ZeebeIoMapping.class).getOutputs()) {
      outputs.put(output.getTarget(), output.getSource());
    }
    return outputs;
  }
}
