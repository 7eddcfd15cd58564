package com.chatcommerce.manualpayments.process;

import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.order.DecidedOrder;
import com.chatcommerce.manualpayments.order.Decision;
import com.chatcommerce.manualpayments.order.RecordOpenOrderWorker.CurrencyOption;
import com.chatcommerce.manualpayments.order.RecordOpenOrderWorker.OpenOrderForReview;
import com.chatcommerce.manualpayments.order.RecordOpenOrderWorker.SubmissionDiscarded;
import com.chatcommerce.manualpayments.order.RefundOrderWorker.RefundedOrder;
import com.chatcommerce.manualpayments.order.RefundRequested;
import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.order.SettleDecisionWorker.SettledDecision;
import com.chatcommerce.manualpayments.order.SubmittedPayment;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Errors;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.ListenerHeaders;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import com.chatcommerce.manualpayments.support.ReviewForm;
import com.chatcommerce.manualpayments.support.Tasklist;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code processes/manual-payment.bpmn} and the refund process on the in-memory
 * engine. The test plays the workers' part, including the review task's completing listener: it
 * completes their jobs with the variables the real workers return, and checks what each job
 * receives. Tasklist's commands are written to the engine's log as Tasklist's REST calls would
 * reach it ({@link Tasklist}).
 */
class ManualPaymentProcessTest {

  private static final Duration WINDOW = Duration.ofHours(1);
  private static final Duration REMINDER_BEFORE = Duration.ofMinutes(10);

  private InMemoryEngine engine;
  private Tasklist tasklist;
  private String orderId;
  private Instant deadline;

  @BeforeEach
  void startEngine() {
    engine = InMemoryEngine.start();
    engine.useForAssertions();
    tasklist = new Tasklist(engine);
    engine.deployModels();
    orderId = UUID.randomUUID().toString();
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void platformApprovalRecordsOpenOrderThenSettlesApprovesAndNotifies() {
    long instance = startAndReachReview("CLIENT");

    publishDecision(apiDecision(Decision.APPROVE));
    ActivatedJob settle = engine.nextJob(JobTypes.ORDER_SETTLE_DECISION);
    assertThat(settle.getVariablesAsMap())
        .containsEntry(Variables.ORDER_ID, orderId)
        .containsEntry(Variables.DECISION, "APPROVE")
        .containsEntry(Variables.DECISION_CHANNEL, "api")
        .containsEntry(Variables.DECIDED_BY, "manager");
    playDecision(settle, settled("APPROVE", "manager", "api"), "APPROVED");

    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasNoIncidents()
        .hasPassedElementsInOrder(
            PAYMENT_SUBMITTED,
            RECORD_OPEN_ORDER,
            UPDATE_CRM_OPEN,
            POST_OPEN_INDICATOR,
            DECISION_RECEIVED,
            REVIEW_CLOSED,
            SETTLE_DECISION,
            DECISION_GATEWAY,
            APPROVE_ORDER,
            OUTCOME_JOIN,
            UPDATE_CRM_OUTCOME,
            POST_OUTCOME_INDICATOR,
            PAYMENT_DECIDED)
        .hasNotPassedElement(REJECT_ORDER)
        .hasNotPassedElement(REVIEW_TIMED_OUT);
  }

  @Test
  void platformDecisionHandsItsCorrectionToTheSettlement() {
    startAndReachReview("CLIENT");
    publishDecision(
        new ReviewDecision(
            orderId,
            "APPROVE",
            "1400.50",
            "USD",
            "2026-11-01",
            "client paid less",
            UUID.randomUUID().toString(),
            "api",
            "manager"));

    assertThat(engine.nextJob(JobTypes.ORDER_SETTLE_DECISION).getVariablesAsMap())
        .containsEntry(Variables.CORRECTED_AMOUNT, "1400.50")
        .containsEntry(Variables.CORRECTED_CURRENCY, "USD")
        .containsEntry(Variables.CORRECTED_PAYMENT_DATE, "2026-11-01")
        .containsEntry(Variables.MANAGER_COMMENT, "client paid less")
        .containsEntry(Variables.COMMENT, "paid in cash");
  }

  @Test
  void platformRejectionRejectsAndNotifies() {
    long instance = startAndReachReview("CLIENT");

    publishDecision(apiDecision(Decision.REJECT));
    playDecision(settled("REJECT", "manager", "api"), "REJECTED");

    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(
            SETTLE_DECISION, DECISION_GATEWAY, REJECT_ORDER, OUTCOME_JOIN, PAYMENT_DECIDED)
        .hasNotPassedElement(APPROVE_ORDER);
  }

  @Test
  void managerAddedPaymentIsCompletedOnApprovalAndTheCompletedStatusReachesCrmAndChat() {
    long instance = startAndReachReview("MANAGER");

    publishDecision(apiDecision(Decision.APPROVE));
    playDecision(settled("APPROVE", "manager", "api"), "COMPLETED");

    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasVariableWithValue(Variables.SOURCE, "MANAGER");
  }

  @Test
  void tasklistCompletionRunsTheListenerWithTheAssigneeAndTheFormsDataThenSettles() {
    long instance = startAndReachReview("CLIENT");
    long task = tasklist.openTask(instance);
    assertThat(tasklist.task(task).getDueDate()).isEqualTo(deadline.toString());
    assertThat(tasklist.task(task).getCandidateGroupsList()).containsExactly("managers");

    tasklist.assign(task, "anna");
    Map<String, Object> form = ReviewForm.submission(ReviewForm.APPROVE_WITH_CORRECTION);
    ActivatedJob listener = completeAndAwaitListener(task, form);
    assertThat(listener.getCustomHeaders())
        .containsEntry(ListenerHeaders.ASSIGNEE, "anna")
        .containsEntry(ListenerHeaders.USER_TASK_KEY, String.valueOf(task));
    assertThat(listener.getVariablesAsMap())
        .containsAllEntriesOf(form)
        .containsEntry(Variables.ORDER_ID, orderId);
    complete(listener, Map.of());
    engine.idle();

    ActivatedJob settle = engine.nextJob(JobTypes.ORDER_SETTLE_DECISION);
    assertThat(settle.getVariablesAsMap())
        .containsEntry(Variables.DECISION, "APPROVE")
        .containsEntry(Variables.DECISION_CHANNEL, "tasklist")
        .containsEntry(Variables.CORRECTED_AMOUNT, "1400.50")
        .containsEntry(Variables.COMMENT, "paid in cash");
    playDecision(settle, settled("APPROVE", "anna", "tasklist"), "APPROVED");
    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(REVIEW_PAYMENT, REVIEW_CLOSED, SETTLE_DECISION, APPROVE_ORDER)
        .hasVariableWithValue(Variables.DECIDED_BY, "anna");
  }

  @Test
  void completionTheListenerDeniesLeavesTheSameTaskOpenWithItsTimersAndTakesNoVariables() {
    long instance = startAndReachReview("CLIENT");
    long task = tasklist.openTask(instance);
    tasklist.assign(task, "anna");

    ActivatedJob listener =
        completeAndAwaitListener(task, ReviewForm.submission(ReviewForm.APPROVE_BELOW_THE_FEE));
    engine
        .log()
        .completeListenerJob(listener.getKey(), true, "the net credited would be -5.12 RUB");
    engine.idle();

    assertThat(Tasklist.deniedReason(tasklist.task(task)))
        .isEqualTo("the net credited would be -5.12 RUB");
    assertThat(tasklist.openTask(instance)).isEqualTo(task);
    engine
        .assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .isWaitingForMessages(Messages.DECISION)
        .hasNoIncidents();
    assertThat(variableNames(instance))
        .doesNotContain(Variables.CORRECTED_AMOUNT, Variables.DECISION);

    engine.increaseTime(WINDOW);
    assertThat(engine.nextJob(JobTypes.ORDER_SETTLE_DECISION).getVariablesAsMap())
        .containsEntry(Variables.DECISION_CHANNEL, "timer")
        .doesNotContainKey(Variables.CORRECTED_AMOUNT);
  }

  @Test
  void reviewStaysOpenOneSecondBeforeTheDeadlineAndTheDeadlineClosesItThroughTheSettlement() {
    long instance = startAndReachReview("CLIENT");

    engine.increaseTime(WINDOW.minusSeconds(1));
    complete(engine.nextJob(JobTypes.CHAT_POST_REMINDER), Map.of());
    engine.idle();
    engine
        .assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .hasNotPassedElement(REVIEW_TIMED_OUT);

    engine.increaseTime(Duration.ofSeconds(2));
    ActivatedJob settle = engine.nextJob(JobTypes.ORDER_SETTLE_DECISION);
    assertThat(settle.getVariablesAsMap()).containsEntry(Variables.DECISION_CHANNEL, "timer");
    playDecision(settle, settled("REJECT", "timer", "timer"), "REJECTED");

    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(
            REVIEW_TIMED_OUT, REVIEW_CLOSED, SETTLE_DECISION, REJECT_ORDER, PAYMENT_DECIDED)
        .hasNotPassedElement(APPROVE_ORDER);
  }

  @Test
  void deadlineCountsFromTheSubmissionEvenWhenAStepBeforeTheReviewRunsLate() {
    long instance = startUntilChatStep("CLIENT");
    // The chat step is late by 40 minutes of a one-hour window: the review opens with 20 left.
    engine.increaseTime(Duration.ofMinutes(40));
    complete(engine.nextJob(JobTypes.CHAT_POST_INDICATOR), Map.of());
    engine.idle();
    engine.assertThatInstance(instance).isWaitingExactlyAtElements(REVIEW_PAYMENT);

    // A minute either side: the engine's clock also runs in real time, which a busy machine
    // stretches.
    engine.increaseTime(Duration.ofMinutes(19));
    engine.assertNoJob(JobTypes.ORDER_SETTLE_DECISION);
    engine.increaseTime(Duration.ofMinutes(2));

    assertThat(engine.nextJob(JobTypes.ORDER_SETTLE_DECISION).getVariablesAsMap())
        .containsEntry(Variables.DECISION_CHANNEL, "timer");
  }

  @Test
  void reminderFiresOnceAtItsInstantAndTheReviewStaysOpen() {
    long instance = startAndReachReview("CLIENT");

    engine.increaseTime(WINDOW.minus(REMINDER_BEFORE).minusMinutes(1));
    engine.assertNoJob(JobTypes.CHAT_POST_REMINDER);

    engine.increaseTime(Duration.ofMinutes(2));
    ActivatedJob reminder = engine.nextJob(JobTypes.CHAT_POST_REMINDER);
    assertThat(reminder.getElementId()).isEqualTo(POST_REVIEW_REMINDER);
    assertThat(reminder.getVariablesAsMap())
        .containsKeys(Variables.ORDER_ID, Variables.CLIENT_ID, Variables.REVIEW_DEADLINE);
    complete(reminder, Map.of());
    engine.increaseTime(Duration.ofMinutes(5));
    engine.assertNoJob(JobTypes.CHAT_POST_REMINDER);

    engine
        .assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .hasPassedElement(REVIEW_REMINDER_DUE, 1)
        .hasPassedElement(REMINDER_POSTED, 1)
        .hasNotPassedElement(REVIEW_TIMED_OUT);
  }

  @Test
  void decisionBeforeTheDeadlineCancelsTheReminderAndTheTimer() {
    long instance = startAndReachReview("CLIENT");
    publishDecision(apiDecision(Decision.APPROVE));
    playDecision(settled("APPROVE", "manager", "api"), "APPROVED");

    engine.increaseTime(WINDOW.plusHours(1));

    engine.assertNoJob(JobTypes.CHAT_POST_REMINDER);
    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasNotPassedElement(REVIEW_REMINDER_DUE)
        .hasNotPassedElement(REVIEW_TIMED_OUT);
  }

  @Test
  void repeatedDecisionWithTheSameMessageIdIsDroppedByTheBroker() {
    long instance = startAndReachReview("CLIENT");
    String messageId = UUID.randomUUID().toString();
    ReviewDecision approve = apiDecision(Decision.APPROVE);

    publishDecision(messageId, approve);
    assertThatThrownBy(() -> publishDecision(messageId, approve))
        .hasMessageContaining("ALREADY_EXISTS");
    playDecision(settled("APPROVE", "manager", "api"), "APPROVED");

    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasPassedElement(SETTLE_DECISION, 1)
        .hasPassedElement(APPROVE_ORDER, 1);
  }

  @Test
  void decisionRetriedWithItsKeyAfterATimedOutAnswerIsAcceptedAndReachesTheReviewOnce() {
    long instance = startAndReachReview("CLIENT");
    PaymentProcessClient api = new PaymentProcessClient(engine.client(), Duration.ofHours(1));
    String decisionId = "manager/" + UUID.randomUUID();

    api.publishDecision(orderId, decisionId, apiDecision(Decision.APPROVE));
    engine.idle();
    api.publishDecision(orderId, decisionId, apiDecision(Decision.APPROVE));
    playDecision(settled("APPROVE", "manager", "api"), "APPROVED");

    engine.assertThatInstance(instance).isCompleted().hasPassedElement(SETTLE_DECISION, 1);
  }

  @Test
  void startFromTasklistWithAnInvalidSubmissionIsDiscardedWithItsReason() {
    long instance =
        engine
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId(ManualPaymentProcess.PROCESS_ID)
            .latestVersion()
            .variables(new SubmittedPayment(null, null, 1L, 999L, null, null))
            .send()
            .join()
            .getProcessInstanceKey();
    ActivatedJob record = engine.nextJob(JobTypes.ORDER_RECORD_OPEN);
    engine
        .client()
        .newThrowErrorCommand(record)
        .errorCode(Errors.INVALID_SUBMISSION)
        .variables(new SubmissionDiscarded("offerId: offer 999 does not exist"))
        .send()
        .join();
    engine.idle();

    engine
        .assertThatInstance(instance)
        .isCompleted()
        .hasPassedElementsInOrder(SUBMISSION_INVALID, SUBMISSION_DISCARDED)
        .hasNotPassedElement(REVIEW_PAYMENT)
        .hasVariableWithValue(Variables.DISCARD_REASON, "offerId: offer 999 does not exist");
  }

  @Test
  void gatewayRoutesOnlyASettledApproveOrRejectAndStopsOtherwiseAsAnIncident() {
    long instance = startAndReachReview("CLIENT");
    publishDecision(apiDecision(Decision.APPROVE));
    complete(engine.nextJob(JobTypes.ORDER_SETTLE_DECISION), settled("MAYBE", "manager", "api"));
    engine.idle();

    engine
        .assertThatInstance(instance)
        .hasAnyIncidents()
        .isWaitingExactlyAtElements(DECISION_GATEWAY);
  }

  @Test
  void refundStartsOnTheApisMessageMarksTheOrderRefundedAndNotifies() {
    publishRefund("refund:" + orderId);
    ActivatedJob refund = engine.nextJob(JobTypes.ORDER_REFUND);
    assertThat(refund.getVariablesAsMap())
        .containsEntry(Variables.ORDER_ID, orderId)
        .containsEntry(Variables.PAYMENT_PROCESS_INSTANCE_KEY, 4242);
    complete(refund, new RefundedOrder(3, "REFUNDED", "1500.00", "RUB"));
    finishOutcome("REFUNDED");

    engine
        .assertThatInstance(refund.getProcessInstanceKey())
        .isCompleted()
        .hasPassedElementsInOrder(
            REFUND_REQUESTED,
            REFUND_ORDER,
            UPDATE_CRM_REFUND,
            POST_REFUND_INDICATOR,
            PAYMENT_REFUNDED);
  }

  @Test
  void secondRefundMessageOfTheSameOrderStartsNothingWhileTheFirstRuns() {
    publishRefund("refund:" + orderId);
    publishRefund("another id");

    assertThat(refundInstances()).isEqualTo(1);
  }

  /** Starts as the API does: the order id and when the API opened the order. */
  private long start(String source) {
    return engine
        .client()
        .newCreateInstanceCommand()
        .bpmnProcessId(ManualPaymentProcess.PROCESS_ID)
        .latestVersion()
        .variables(SubmittedPayment.byApi(orderId, engine.log().now().toString()))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Starts and plays the record-open and CRM workers; the chat job is left waiting. */
  private long startUntilChatStep(String source) {
    long instance = start(source);
    deadline = engine.log().now().plus(WINDOW);
    ActivatedJob record = engine.nextJob(JobTypes.ORDER_RECORD_OPEN);
    assertThat(record.getVariablesAsMap())
        .containsEntry(Variables.ORDER_ID, orderId)
        .containsKey(Variables.SUBMITTED_AT);
    var opened =
        new OpenOrderForReview(
            orderId,
            source,
            7,
            3,
            "OPEN",
            "1500.00",
            "RUB",
            "2026-11-28",
            "paid in cash",
            deadline.toString(),
            "in an hour",
            deadline.minus(REMINDER_BEFORE).toString(),
            "Anna Petrova",
            "Yoga course",
            List.of(new CurrencyOption("RUB", "RUB")));
    complete(record, opened);
    ActivatedJob crm = engine.nextJob(JobTypes.CRM_UPDATE_ORDER);
    assertThat(crm.getVariablesAsMap()).containsEntry(Variables.STATUS, "OPEN");
    complete(crm, Map.of());
    return instance;
  }

  private long startAndReachReview(String source) {
    long instance = startUntilChatStep(source);
    ActivatedJob chat = engine.nextJob(JobTypes.CHAT_POST_INDICATOR);
    assertThat(chat.getVariablesAsMap()).containsEntry(Variables.STATUS, "OPEN");
    complete(chat, Map.of());

    engine
        .assertThatInstance(instance)
        .isWaitingExactlyAtElements(REVIEW_PAYMENT)
        .isWaitingForMessages(Messages.DECISION);
    return instance;
  }

  /** Writes Tasklist's completion and returns the completing listener's job. */
  private ActivatedJob completeAndAwaitListener(long task, Map<String, Object> form) {
    engine.log().completeUserTask(task, form);
    ActivatedJob listener = engine.nextJob(JobTypes.ORDER_CLAIM_REVIEW);
    assertThat(listener.getElementId()).isEqualTo(REVIEW_PAYMENT);
    return listener;
  }

  /**
   * Plays the workers that carry out a published decision: the settlement answers {@code settled},
   * the approve or reject step it leads to gives the order {@code status}, then CRM and chat.
   */
  private void playDecision(ActivatedJob settle, SettledDecision settled, String status) {
    complete(settle, settled);
    boolean approved = settled.decision().equals("APPROVE");
    ActivatedJob step = engine.nextJob(approved ? JobTypes.ORDER_APPROVE : JobTypes.ORDER_REJECT);
    assertThat(step.getElementId()).isEqualTo(approved ? APPROVE_ORDER : REJECT_ORDER);
    complete(step, decided(status));
    finishOutcome(status);
  }

  private void playDecision(SettledDecision settled, String status) {
    playDecision(engine.nextJob(JobTypes.ORDER_SETTLE_DECISION), settled, status);
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

  /** What the API publishes for a decision without a correction. */
  private ReviewDecision apiDecision(Decision decision) {
    return new ReviewDecision(
        orderId,
        decision.name(),
        null,
        null,
        null,
        null,
        UUID.randomUUID().toString(),
        "api",
        "manager");
  }

  private static SettledDecision settled(String decision, String by, String channel) {
    return new SettledDecision(decision, by, channel);
  }

  private static DecidedOrder decided(String status) {
    return new DecidedOrder(status, "1500.00", "RUB");
  }

  private void publishDecision(ReviewDecision decision) {
    publishDecision(UUID.randomUUID().toString(), decision);
  }

  private void publishDecision(String messageId, ReviewDecision decision) {
    engine
        .client()
        .newPublishMessageCommand()
        .messageName(Messages.DECISION)
        .correlationKey(orderId)
        .messageId(messageId)
        .variables(decision)
        .send()
        .join();
    engine.idle();
  }

  private void publishRefund(String messageId) {
    engine
        .client()
        .newPublishMessageCommand()
        .messageName(Messages.REFUND_REQUESTED)
        .correlationKey(orderId)
        .messageId(messageId)
        .variables(new RefundRequested(orderId, 7, "manager", null, 4242L))
        .send()
        .join();
    engine.idle();
  }

  private long refundInstances() {
    return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnProcessId().equals(ManualPaymentProcess.REFUND_PROCESS_ID))
        .filter(r -> r.getKey() == r.getValue().getProcessInstanceKey())
        .count();
  }

  private List<String> variableNames(long instance) {
    return StreamSupport.stream(records().variableRecords().spliterator(), false)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .map(r -> r.getValue().getName())
        .toList();
  }

  private RecordStream records() {
    return RecordStream.of(engine.engine().getRecordStreamSource());
  }

  private void complete(ActivatedJob job, Object variables) {
    engine.client().newCompleteCommand(job).variables(variables).send().join();
  }
}
