package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.chatcommerce.manualpayments.chat.ChatIndicatorRepository;
import com.chatcommerce.manualpayments.chat.PostChatIndicatorWorker;
import com.chatcommerce.manualpayments.crm.ClientOrderRepository;
import com.chatcommerce.manualpayments.crm.UpdateCrmWorker;
import com.chatcommerce.manualpayments.money.ExchangeRates;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Errors;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.Catalog;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each worker against MariaDB, run twice as a redelivered job would be: the second run changes
 * nothing and returns the same variables.
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
  @Autowired ExchangeRates rates;
  @Autowired OrderRepository orders;
  @Autowired OrderHistoryRepository history;
  @Autowired ClientOrderRepository crmLines;
  @Autowired ChatIndicatorRepository indicators;
  @Autowired Submissions submissions;

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
    var payment = startedByApi();

    Map<String, Object> first = recordOpen.recordOpen(payment, job(11L));
    Map<String, Object> second = recordOpen.recordOpen(payment, job(11L));

    assertThat(second).isEqualTo(first);
    assertThat(first).containsEntry(Variables.STATUS, "OPEN").containsEntry(Variables.AMOUNT, "1500.00")
        .containsEntry(Variables.REVIEW_TIMEOUT, "P30D");
    assertThat(orders.findById(orderId)).get().extracting(Order::processInstanceKey).isEqualTo(11L);
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).hasSize(1);
  }

  @Test
  void processWhoseOrderTheApiRolledBackEndsAsAnInvalidSubmissionAndOpensNoOrder() {
    // Start variables that would let a worker open the order itself: it must not.
    var payment = startedByApi();

    assertThatThrownBy(() -> recordOpen.recordOpen(payment, job(12L)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(Errors.INVALID_SUBMISSION));
    assertThat(orders.findById(orderId)).isEmpty();
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).isEmpty();
  }

  @Test
  void processStartedFromTasklistGetsAnOrderIdDerivedFromTheInstanceOnEveryDelivery() {
    var payment = new RecordOpenOrderWorker.SubmittedPayment(null, setup.clientId(), setup.offerId(), null, null);

    String first = (String) recordOpen.recordOpen(payment, job(4242L)).get(Variables.ORDER_ID);
    String second = (String) recordOpen.recordOpen(payment, job(4242L)).get(Variables.ORDER_ID);

    assertThat(second).isEqualTo(first);
    assertThat(orders.findById(first)).get().extracting(Order::source).isEqualTo(OrderSource.MANAGER);
  }

  @Test
  void tasklistStartNamingAnUnknownOfferBecomesTheInvalidSubmissionBpmnError() {
    var payment = new RecordOpenOrderWorker.SubmittedPayment(null, setup.clientId(), 999_999L, null, null);

    assertThatThrownBy(() -> recordOpen.recordOpen(payment, job(77L)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(Errors.INVALID_SUBMISSION));
  }

  @Test
  void approvingTwiceAppliesTheCorrectionAndTheApprovalOnce() {
    rates.put("RUB", "USD", "0.0108");
    rates.put("USD", "RUB", "92.5");
    open();
    var outcome = new ReviewOutcome(orderId, "1400.00", "USD", "2026-11-21", "paid in dollars", "tasklist", null, null);

    Map<String, Object> first = approve.approve(outcome);
    Map<String, Object> second = approve.approve(outcome);

    assertThat(second).isEqualTo(first);
    assertThat(first).containsEntry(Variables.STATUS, "APPROVED").containsEntry(Variables.CURRENCY, "USD");
    Order order = orders.findById(orderId).orElseThrow();
    // fee = 1400.00 × 2.5 % + 10.00 RUB × 0.0108 = 35.108 → 35.11 USD; net = (1400 − 35.108) × 92.5 = 126252.51 RUB.
    assertThat(order.fee()).hasToString("35.11 USD");
    assertThat(order.net()).hasToString("126252.51 RUB");
    assertThat(history.findByOrderIdOrderByIdAsc(orderId))
        .extracting(e -> e.event() + ":" + e.field())
        .containsExactly("SUBMITTED:status", "CORRECTED:amount", "CORRECTED:currency", "CORRECTED:paymentDate",
            "CORRECTED:comment", "APPROVED:status");
    OrderHistoryEntry approval = history.findByOrderIdOrderByIdAsc(orderId).get(5);
    assertThat(approval.door()).isEqualTo("tasklist");
    assertThat(approval.actor()).isEqualTo("tasklist");
  }

  @Test
  void correctionToAnUnsupportedCurrencySendsTheReviewBackAndChangesNothing() {
    open();
    Order before = orders.findById(orderId).orElseThrow();

    assertThatThrownBy(() -> approve.approve(
            new ReviewOutcome(orderId, "10.00", "EUR", null, null, "tasklist", null, null)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(Errors.INVALID_CORRECTION);
          assertThat(e.getVariables().toString()).contains("does not support EUR").contains("PT");
        });

    Order after = orders.findById(orderId).orElseThrow();
    assertThat(after.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).hasSize(1);
  }

  @Test
  void timeoutRejectionTwiceRecordsOneRejectionByTheTimer() {
    open();
    var outcome = new ReviewOutcome(orderId, "1500.00", "RUB", null, null, "timer", "timer", "TIMEOUT");

    reject.reject(outcome);
    reject.reject(outcome);

    Order order = orders.findById(orderId).orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(order.rejectionReason()).isEqualTo(RejectionReason.TIMEOUT);
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).extracting(OrderHistoryEntry::event)
        .containsExactly(HistoryEvent.SUBMITTED, HistoryEvent.REJECTED);
  }

  @Test
  void approvalOfAnOrderTheTimerRejectedIsATechnicalFaultNotASilentSuccess() {
    open();
    reject.reject(new ReviewOutcome(orderId, null, null, null, null, "timer", "timer", "TIMEOUT"));

    assertThatThrownBy(() -> approve.approve(new ReviewOutcome(orderId, null, null, null, null, "api", "m", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("REJECTED");
  }

  @Test
  void refundingTwiceRecordsOneRefund() {
    open();
    approve.approve(new ReviewOutcome(orderId, null, null, null, null, "api", "manager-1", null));

    Map<String, Object> first = refund.refund(orderId, "returned", "manager-1");
    Map<String, Object> second = refund.refund(orderId, "returned", "manager-1");

    assertThat(second).isEqualTo(first);
    assertThat(first).containsEntry(Variables.STATUS, "REFUNDED");
    assertThat(history.findByOrderIdOrderByIdAsc(orderId)).extracting(OrderHistoryEntry::event)
        .containsExactly(HistoryEvent.SUBMITTED, HistoryEvent.APPROVED, HistoryEvent.REFUNDED);
  }

  @Test
  void postingTheSameIndicatorTwiceLeavesOne() {
    open();
    var change = new PostChatIndicatorWorker.StatusChange(orderId, setup.clientId(), "OPEN", "1500.00", "RUB");

    chat.post(change);
    chat.post(change);

    assertThat(indicators.findByClientIdOrderByIdAsc(setup.clientId())).hasSize(1);
  }

  @Test
  void crmLineNeverMovesBackWhenAnOldUpdateIsRedeliveredLate() {
    open();
    crm.update(new UpdateCrmWorker.OrderState(orderId, setup.clientId(), setup.offerId(), "OPEN", "1500.00", "RUB"));
    crm.update(new UpdateCrmWorker.OrderState(orderId, setup.clientId(), setup.offerId(), "APPROVED", "1400.00", "RUB"));
    crm.update(new UpdateCrmWorker.OrderState(orderId, setup.clientId(), setup.offerId(), "OPEN", "1500.00", "RUB"));

    assertThat(crmLines.findByClientIdOrderByUpdatedAtDesc(setup.clientId()))
        .singleElement()
        .satisfies(line -> {
          assertThat(line.status()).isEqualTo("APPROVED");
          assertThat(line.amount()).isEqualByComparingTo("1400.00");
        });
  }

  private void open() {
    submitThroughApi(null, null);
    recordOpen.recordOpen(startedByApi(), job(1L));
  }

  /** The start variables the API gives the process. */
  private RecordOpenOrderWorker.SubmittedPayment startedByApi() {
    return new RecordOpenOrderWorker.SubmittedPayment(orderId, setup.clientId(), setup.offerId(), "2026-11-20", "cash");
  }

  /** What the API writes before it starts the process. */
  private void submitThroughApi(String paymentDate, String comment) {
    submissions.open(orderId, new Submission(OrderSource.CLIENT, setup.clientId(), setup.offerId(), paymentDate,
        comment, null, null, false, "platform"));
  }

  private static ActivatedJob job(long processInstanceKey) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
    return job;
  }
}
