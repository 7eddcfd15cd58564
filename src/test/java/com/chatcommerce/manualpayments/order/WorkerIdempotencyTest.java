package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.chatcommerce.manualpayments.chat.ChatIndicatorRepository;
import com.chatcommerce.manualpayments.chat.PostChatIndicatorWorker;
import com.chatcommerce.manualpayments.crm.CrmOrderLineRepository;
import com.chatcommerce.manualpayments.crm.UpdateCrmWorker;
import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.ExchangeRateService;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Errors;
import com.chatcommerce.manualpayments.process.RetryLaterException;
import com.chatcommerce.manualpayments.support.Catalog;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each worker against MariaDB, run twice as a redelivered job would be: the second run changes
 * nothing and returns the same variables. And the claims every decision starts with.
 */
@IntegrationTest
class WorkerIdempotencyTest {

  @Autowired Catalog catalog;
  @Autowired RecordOpenOrderWorker recordOpen;
  @Autowired ApproveOrderWorker approve;
  @Autowired RejectOrderWorker reject;
  @Autowired RefundOrderWorker refund;
  @Autowired UpdateCrmWorker crm;
  @Autowired PostChatIndicatorWorker chat;
  @Autowired ExchangeRateService rates;
  @Autowired OrderRepository orders;
  @Autowired OrderHistoryRepository history;
  @Autowired CrmOrderLineRepository crmLines;
  @Autowired ChatIndicatorRepository indicators;
  @Autowired SubmissionService submissions;
  @Autowired DecisionClaimService claims;
  @Autowired SettleDecisionWorker settle;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private Catalog.Setup setup;
  private String orderId;

  @BeforeEach
  void setUp() {
    setup = catalog.cashDeskOffer();
    orderId = UUID.randomUUID().toString();
  }

  @Test
  void recordingTheOpenOrderTwiceKeepsOneOrderAndOneHistoryRow() {
    submitThroughApi("2026-11-20", "cash");
    var payment = startedByApi(clock.instant());

    var first = recordOpen.recordOpen(payment, job(11L));
    var second = recordOpen.recordOpen(payment, job(11L));

    assertThat(second).isEqualTo(first);
    assertThat(first.status()).isEqualTo("OPEN");
    assertThat(first.amount()).isEqualTo("1500.00");
    assertThat(first.comment()).isEqualTo("cash");
    assertThat(Instant.parse(first.reviewDeadline()))
        .isEqualTo(orders.findById(orderId).orElseThrow().reviewDeadline());
    assertThat(orders.findById(orderId)).get().extracting(Order::processInstanceKey).isEqualTo(11L);
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).hasSize(1);
  }

  @Test
  void orderTheApiHasNotCommittedYetIsWaitedForAndNotDiscarded() {
    var payment = startedByApi(clock.instant());

    assertThatThrownBy(() -> recordOpen.recordOpen(payment, job(12L)))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> assertThat(e.backoff()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)))
        .hasMessageContaining("not committed yet");
    assertThat(orders.findById(orderId)).isEmpty();
  }

  @Test
  void processWhoseOrderTheApiRolledBackEndsAsAnInvalidSubmissionWithItsReasonAndOpensNoOrder() {
    // Start variables of a process whose API transaction ended long ago without the order.
    var payment = startedByApi(clock.instant().minus(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> recordOpen.recordOpen(payment, job(12L)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(Errors.INVALID_SUBMISSION);
              assertThat(e.getVariables())
                  .asInstanceOf(
                      InstanceOfAssertFactories.type(
                          RecordOpenOrderWorker.SubmissionDiscarded.class))
                  .extracting(RecordOpenOrderWorker.SubmissionDiscarded::discardReason)
                  .asString()
                  .contains("rolled back");
            });
    assertThat(orders.findById(orderId)).isEmpty();
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).isEmpty();
  }

  @Test
  void processStartedFromTasklistGetsAnOrderIdDerivedFromTheInstanceOnEveryDelivery() {
    var payment = new SubmittedPayment(null, null, setup.clientId(), setup.offerId(), null, null);

    String first = recordOpen.recordOpen(payment, job(4242L)).orderId();
    String second = recordOpen.recordOpen(payment, job(4242L)).orderId();

    assertThat(second).isEqualTo(first);
    assertThat(orders.findById(first))
        .get()
        .extracting(Order::source)
        .isEqualTo(OrderSource.MANAGER);
  }

  @Test
  void tasklistStartNamingAnUnknownOfferBecomesTheInvalidSubmissionBpmnErrorWithItsReason() {
    var payment = new SubmittedPayment(null, null, setup.clientId(), 999_999L, null, null);

    assertThatThrownBy(() -> recordOpen.recordOpen(payment, job(77L)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(Errors.INVALID_SUBMISSION);
              assertThat(e.getVariables())
                  .isEqualTo(
                      new RecordOpenOrderWorker.SubmissionDiscarded(
                          "offerId: offer 999999 does not exist"));
            });
  }

  @Test
  void claimingTwiceWithTheSameDecisionIdKeepsTheFirstClaim() {
    open();

    Supplier<OrderDecision> claim =
        () ->
            claims.claimBeforeDeadline(
                orderId,
                "tasklist:1",
                Decision.APPROVE,
                new Correction("1400.00", null, null, "short"),
                new Actor("anna", Channel.TASKLIST));
    OrderDecision first = claim.get();
    OrderDecision again = claim.get();

    assertThat(again.claimedAt()).isEqualTo(first.claimedAt());
    assertThat(claimRows()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                claims.claimBeforeDeadline(
                    orderId,
                    "api:2",
                    Decision.REJECT,
                    Correction.NONE,
                    new Actor("boris", Channel.API)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("APPROVE by anna through tasklist");
  }

  @Test
  void approvingTwiceAppliesTheClaimedCorrectionAndTheApprovalOnce() {
    rates.put("RUB", "USD", "0.0108");
    rates.put("USD", "RUB", "92.5");
    open();
    claims.claimBeforeDeadline(
        orderId,
        "tasklist:1",
        Decision.APPROVE,
        new Correction("1400.00", "USD", "2026-11-21", "paid in dollars"),
        new Actor("anna", Channel.TASKLIST));
    settle.settle(closedBy("tasklist"));

    var first = approve.approve(orderId);
    var second = approve.approve(orderId);

    assertThat(second).isEqualTo(first);
    assertThat(first).isEqualTo(new DecidedOrder("APPROVED", "1400.00", "USD"));
    Order order = orders.findById(orderId).orElseThrow();
    // fee = 1400.00 × 2.5 % + 10.00 RUB × 0.0108 = 35.108 → 35.11 USD; net = (1400 − 35.108) × 92.5
    // = 126252.51 RUB.
    assertThat(order.fee()).hasToString("35.11 USD");
    assertThat(order.net()).hasToString("126252.51 RUB");
    assertThat(order.comment()).as("the client's comment").isEqualTo("cash");
    assertThat(order.managerComment()).isEqualTo("paid in dollars");
    assertThat(order.pendingAction()).isNull();
    assertThat(history.findByOrderIdOrderByIdAsc(orderId))
        .extracting(e -> e.event() + ":" + e.field() + ":" + e.actor() + ":" + e.channel())
        .containsExactly(
            "SUBMITTED:status:client:" + setup.clientId() + ":api",
            "CORRECTED:amount:anna:tasklist",
            "CORRECTED:currency:anna:tasklist",
            "CORRECTED:paymentDate:anna:tasklist",
            "APPROVED:status:anna:tasklist");
  }

  @Test
  void correctionThatBreaksAMoneyRuleIsRefusedAtTheClaimAndChangesNothing() {
    open();
    Order before = orders.findById(orderId).orElseThrow();

    assertThatThrownBy(
            () ->
                claims.claimBeforeDeadline(
                    orderId,
                    "tasklist:1",
                    Decision.APPROVE,
                    new Correction("10.00", "EUR", null, null),
                    new Actor("anna", Channel.TASKLIST)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not support EUR");
    assertThatThrownBy(
            () ->
                claims.claimBeforeDeadline(
                    orderId,
                    "tasklist:1",
                    Decision.APPROVE,
                    new Correction("5.00", null, null, null),
                    new Actor("anna", Channel.TASKLIST)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("-5.12 RUB");

    Order after = orders.findById(orderId).orElseThrow();
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(after.pendingAction()).isNull();
    assertThat(claimRows()).isZero();
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).hasSize(1);
  }

  @Test
  void decisionAfterTheReviewDeadlineIsRefusedAtTheClaim() {
    open();
    transaction.executeWithoutResult(
        t ->
            jdbc.update(
                "update orders set review_deadline = ? where id = ?",
                Timestamp.from(clock.instant().minusSeconds(1)),
                orderId));

    assertThatThrownBy(
            () ->
                claims.claimBeforeDeadline(
                    orderId,
                    "m/late",
                    Decision.APPROVE,
                    Correction.NONE,
                    new Actor("manager", Channel.API)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("passed its review deadline");
    assertThat(claimRows()).isZero();
  }

  @Test
  void moneyLimitInTheCodeIsWhatEveryMoneyColumnOfTheSchemaHolds() {
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "select table_name, column_name, numeric_precision, numeric_scale from information_schema.columns"
                + " where table_schema = database() and data_type = 'decimal' and table_name <> 'exchange_rates'");

    assertThat(columns)
        .isNotEmpty()
        .allSatisfy(
            column -> {
              int precision = ((Number) column.get("numeric_precision")).intValue();
              int scale = ((Number) column.get("numeric_scale")).intValue();
              // A percentage, on the payment system and copied onto each order's terms.
              if (!column.get("column_name").toString().endsWith("commission_percent")) {
                assertThat(precision - scale).as(column.toString()).isEqualTo(Money.INTEGER_DIGITS);
              }
            });
    assertThat(Money.BOOKS_LIMIT).isEqualByComparingTo("999999999999999.9999");
  }

  @Test
  void deadlineSettledTwiceClaimsOneRejectionAndRejectingTwiceRecordsItOnce() {
    open();

    settle.settle(closedBy("timer"));
    var settled = settle.settle(closedBy("timer"));
    reject.reject(orderId);
    reject.reject(orderId);

    assertThat(settled)
        .isEqualTo(new SettleDecisionWorker.SettledDecision("REJECT", "timer", "timer"));
    Order order = orders.findById(orderId).orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(order.rejectionReason()).isEqualTo(RejectionReason.TIMEOUT);
    assertThat(order.amount()).hasToString("1500.00 RUB");
    assertThat(history.findByOrderIdOrderByIdAsc(orderId))
        .extracting(OrderHistoryEntry::event)
        .containsExactly(HistoryEvent.SUBMITTED, HistoryEvent.REJECTED);
  }

  @Test
  void deadlineThatReachesTheEngineBeforeAClaimedDecisionAppliesTheClaimedDecision() {
    open();
    claims.claimBeforeDeadline(
        orderId,
        "manager/key-1",
        Decision.APPROVE,
        Correction.NONE,
        new Actor("manager", Channel.API));

    assertThat(settle.settle(closedBy("timer")))
        .isEqualTo(new SettleDecisionWorker.SettledDecision("APPROVE", "manager", "api"));
  }

  @Test
  void decisionMessageWhoseApiRequestRolledBackIsClaimedWhenItClosesTheReview() {
    open();
    var message =
        new ReviewDecision(
            orderId, "APPROVE", "1400.00", null, null, "short", "manager/key-2", "api", "manager");

    assertThat(settle.settle(message))
        .isEqualTo(new SettleDecisionWorker.SettledDecision("APPROVE", "manager", "api"));
    approve.approve(orderId);

    assertThat(orders.findById(orderId).orElseThrow().amount()).hasToString("1400.00 RUB");
    assertThat(
            claims
                .claimBeforeDeadline(
                    orderId,
                    "manager/key-2",
                    Decision.APPROVE,
                    new Correction("1400.00", null, null, "short"),
                    new Actor("manager", Channel.API))
                .decisionId())
        .as("the platform's retry with the same key finds its decision taken")
        .isEqualTo("manager/key-2");
  }

  @Test
  void approvalOfAnOrderTheTimerRejectedIsATechnicalFaultNotASilentSuccess() {
    open();
    settle.settle(closedBy("timer"));
    reject.reject(orderId);

    assertThatThrownBy(() -> approve.approve(orderId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("REJECT by timer");
  }

  @Test
  void refundingTwiceRecordsOneRefund() {
    open();
    claims.claimBeforeDeadline(
        orderId, "m/1", Decision.APPROVE, Correction.NONE, new Actor("manager-1", Channel.API));
    approve.approve(orderId);
    var request = new RefundRequested(orderId, setup.clientId(), "manager-1", "returned", 1L);

    var first = refund.refund(request);
    var second = refund.refund(request);

    assertThat(second).isEqualTo(first);
    assertThat(first.status()).isEqualTo("REFUNDED");
    assertThat(history.findByOrderIdOrderByIdAsc(orderId))
        .extracting(OrderHistoryEntry::event)
        .containsExactly(HistoryEvent.SUBMITTED, HistoryEvent.APPROVED, HistoryEvent.REFUNDED);
  }

  @Test
  void postingTheSameIndicatorTwiceLeavesOne() {
    open();
    var change = new PostChatIndicatorWorker.ReachedStatus(orderId, setup.clientId(), "OPEN");

    chat.post(change);
    chat.post(change);

    assertThat(
            indicators.findByClientIdAndIdGreaterThanOrderByIdAsc(
                setup.clientId(), 0, Limit.unlimited()))
        .hasSize(1);
  }

  @Test
  void crmLineNeverMovesBackWhenAnOldUpdateIsRedeliveredLate() {
    open();
    crm.update(
        new UpdateCrmWorker.OrderState(
            orderId, setup.clientId(), setup.offerId(), "OPEN", "1500.00", "RUB"));
    crm.update(
        new UpdateCrmWorker.OrderState(
            orderId, setup.clientId(), setup.offerId(), "APPROVED", "1400.00", "RUB"));
    crm.update(
        new UpdateCrmWorker.OrderState(
            orderId, setup.clientId(), setup.offerId(), "OPEN", "1500.00", "RUB"));

    assertThat(
            crmLines.findByClientIdOrderByUpdatedAtDescOrderIdDesc(
                setup.clientId(), Limit.unlimited()))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.status()).isEqualTo("APPROVED");
              assertThat(line.amount()).isEqualByComparingTo("1400.00");
            });
  }

  private void open() {
    submitThroughApi(null, "cash");
    recordOpen.recordOpen(startedByApi(clock.instant()), job(1L));
  }

  /** The start variables the API gives the process. */
  private SubmittedPayment startedByApi(Instant submittedAt) {
    return new SubmittedPayment(orderId, submittedAt.toString(), null, null, null, null);
  }

  /**
   * The variables with which the review closed through a channel that claimed before, or the
   * deadline.
   */
  private ReviewDecision closedBy(String channel) {
    return new ReviewDecision(orderId, null, null, null, null, null, null, channel, null);
  }

  private int claimRows() {
    return jdbc.queryForObject(
        "select count(*) from order_decisions where order_id = ?", Integer.class, orderId);
  }

  /** What the API writes before it starts the process. */
  private void submitThroughApi(String paymentDate, String comment) {
    submissions.open(
        orderId,
        Submission.byClient(setup.clientId(), setup.offerId(), paymentDate, comment, "platform"));
  }

  private static ActivatedJob job(long processInstanceKey) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
    return job;
  }
}
