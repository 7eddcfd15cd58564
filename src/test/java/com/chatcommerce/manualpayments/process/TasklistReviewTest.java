package com.chatcommerce.manualpayments.process;

import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.APPROVE_ORDER;
import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.REJECT_ORDER;
import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.REVIEW_PAYMENT;
import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.REVIEW_TIMED_OUT;
import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.SETTLE_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.money.ExchangeRateService;
import com.chatcommerce.manualpayments.order.SubmittedPayment;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.CashDeskApiTest;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.ReviewForm;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.chatcommerce.manualpayments.support.Tasklist;
import com.chatcommerce.manualpayments.support.Tasklist.Completion;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's channel on the engine, with the application's real workers against MariaDB: a manager
 * assigns the review task and completes it with exactly what the review form submits (the fixture
 * the browser test proves), the engine runs the task's completing listener, and the process goes on
 * or the completion is denied. Every order a test opens is checked afterwards: none is OPEN after
 * its deadline.
 */
@IntegrationTest
class TasklistReviewTest extends CashDeskApiTest {

  private static final Duration WINDOW = Duration.ofHours(1);
  private static final Duration SETTLE = Duration.ofSeconds(15);

  /** How late the engine's timer may fire after the deadline, with the workers' steps after it. */
  private static final Duration TIMER_LATENCY = Duration.ofSeconds(15);

  @Autowired JdbcTemplate jdbc;
  @Autowired ExchangeRateService rates;

  private final InMemoryEngine engine = SharedEngine.get();
  private final Tasklist tasklist = new Tasklist(engine);
  private final List<String> opened = new ArrayList<>();
  private long offer;

  @BeforeEach
  void setUp() {
    offer = fixtures.offer(paymentSystem, "1500.00", "RUB", WINDOW.toString());
  }

  /**
   * The invariant: whatever happened in the test, no order it opened is OPEN after its deadline.
   */
  @AfterEach
  void noOrderIsOpenAfterItsDeadline() {
    Instant latest =
        opened.stream()
            .map(id -> Instant.parse(order(id).get("reviewDeadline").asText()))
            .max(Instant::compareTo)
            .orElse(null);
    if (latest == null) {
      return;
    }
    Duration toDeadline = Duration.between(engine.log().now(), latest);
    if (toDeadline.isPositive()) {
      engine.increaseTime(toDeadline);
    }
    await()
        .atMost(TIMER_LATENCY)
        .untilAsserted(
            () ->
                assertThat(opened)
                    .allSatisfy(
                        id ->
                            assertThat(order(id).get("status").asText())
                                .as(id)
                                .isNotEqualTo("OPEN")));
  }

  @Test
  void managerApprovesInTasklistAndTheOrderNamesTheAssignee() {
    String id = submit("paid in cash");
    long task = reviewTask(id);
    assertThat(variableNames(instance(id)))
        .as("everything the form shows")
        .containsAll(ReviewForm.formDataKeys());

    tasklist.assign(task, "anna");
    Completion completion = tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE));

    assertThat(completion.completed()).as(completion.toString()).isTrue();
    JsonNode order = awaitStatus(id, "APPROVED");
    JsonNode approval = last(order.get("history"));
    assertThat(approval.get("actor").asText()).isEqualTo("anna");
    assertThat(approval.get("channel").asText()).isEqualTo("tasklist");
    assertThat(order.get("amount").get("amount").asText()).isEqualTo("1500.00");
    assertThat(order.get("comment").asText()).isEqualTo("paid in cash");
    assertThat(order.has("managerComment")).isFalse();
    awaitIndicator(id, "APPROVED");
    instanceAssert(id)
        .isCompleted()
        .hasNoIncidents()
        .hasPassedElementsInOrder(REVIEW_PAYMENT, SETTLE_DECISION, APPROVE_ORDER)
        .hasVariableWithValue(Variables.DECIDED_BY, "anna")
        .hasVariableWithValue(Variables.DECISION_CHANNEL, "tasklist");
  }

  @Test
  void managerCorrectsInTasklistAndTheOrderIsRepricedWithBothCommentsKept() {
    rates.put("RUB", "USD", "0.0108");
    rates.put("USD", "RUB", "92.5");
    String id = submit("paid in cash");
    long task = reviewTask(id);

    tasklist.assign(task, "anna");
    assertThat(
            tasklist
                .complete(task, ReviewForm.submission(ReviewForm.APPROVE_WITH_CORRECTION))
                .completed())
        .isTrue();

    JsonNode order = awaitStatus(id, "APPROVED");
    assertThat(order.get("amount").toString())
        .isEqualTo("{\"amount\":\"1400.50\",\"currency\":\"USD\"}");
    // fee = 1400.50 × 2.5 % + 10.00 RUB × 0.0108 = 35.1205 → 35.12 USD; net = (1400.50 − 35.1205) ×
    // 92.5 = 126297.60 RUB.
    assertThat(order.get("fee").toString())
        .isEqualTo("{\"amount\":\"35.12\",\"currency\":\"USD\"}");
    assertThat(order.get("net").toString())
        .isEqualTo("{\"amount\":\"126297.60\",\"currency\":\"RUB\"}");
    assertThat(order.get("paymentDate").asText()).isEqualTo("2026-11-20");
    assertThat(order.get("comment").asText()).isEqualTo("paid in cash");
    assertThat(order.get("managerComment").asText())
        .isEqualTo(
            ReviewForm.submission(ReviewForm.APPROVE_WITH_CORRECTION)
                .get(Variables.MANAGER_COMMENT));
    assertThat(events(order))
        .containsExactly(
            "SUBMITTED:status:client:" + client,
            "CORRECTED:amount:anna",
            "CORRECTED:currency:anna",
            "CORRECTED:paymentDate:anna",
            "APPROVED:status:anna");
  }

  @Test
  void managerRejectsInTasklistWithAComment() {
    String id = submit(null);
    long task = reviewTask(id);

    tasklist.assign(task, "boris");
    assertThat(tasklist.complete(task, ReviewForm.submission(ReviewForm.REJECT)).completed())
        .isTrue();

    JsonNode order = awaitStatus(id, "REJECTED");
    assertThat(order.get("rejectionReason").asText()).isEqualTo("MANAGER");
    assertThat(order.get("managerComment").asText()).isEqualTo("No money arrived on the card.");
    assertThat(last(order.get("history")).get("actor").asText()).isEqualTo("boris");
    instanceAssert(id)
        .isCompleted()
        .hasPassedElement(REJECT_ORDER)
        .hasNotPassedElement(APPROVE_ORDER);
  }

  @Test
  void completionWithoutAnAssigneeIsDeniedSoThatEveryDecisionNamesItsManager() {
    String id = submit(null);
    long task = reviewTask(id);

    Completion completion = tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE));

    assertThat(completion.denied()).as(completion.toString()).isTrue();
    assertThat(completion.reason()).contains("Assign the task to yourself");
    assertThat(tasklist.openTask(instance(id))).isEqualTo(task);
    assertThat(order(id).get("status").asText()).isEqualTo("OPEN");
    assertThat(claims(id)).isZero();
  }

  @Test
  void correctionInTasklistIsPricedUnderTheTermsTheOrderWasSubmittedUnder() {
    rates.put("RUB", "USD", "0.0108");
    rates.put("USD", "RUB", "92.5");
    String id = submit(null);
    long task = reviewTask(id);
    assertThat(
            api.put(
                    "/api/v1/payment-systems/" + paymentSystem,
                    """
        {"name":"Cash desk","commissionPercent":"10","accountCurrency":"RUB","transactionCurrency":"RUB",
         "supportedCurrencies":["RUB"]}""")
                .status())
        .isEqualTo(200);

    tasklist.assign(task, "anna");
    Completion completion =
        tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE_WITH_CORRECTION));

    assertThat(completion.completed())
        .as("USD is still among the order's currencies: " + completion)
        .isTrue();
    JsonNode order = awaitStatus(id, "APPROVED");
    // 2.5 % + 10.00 RUB as submitted, not the new 10 % without a fixed fee.
    assertThat(order.get("fee").toString())
        .isEqualTo("{\"amount\":\"35.12\",\"currency\":\"USD\"}");
    assertThat(order.get("net").toString())
        .isEqualTo("{\"amount\":\"126297.60\",\"currency\":\"RUB\"}");
  }

  @Test
  void correctionBelowTheFeeIsDeniedWithTheReasonThenTheSameTaskIsCompletedValidly() {
    String id = submit(null);
    long task = reviewTask(id);
    tasklist.assign(task, "anna");
    JsonNode before = order(id);

    Completion denied =
        tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE_BELOW_THE_FEE));

    assertThat(denied.denied()).as(denied.toString()).isTrue();
    assertThat(denied.reason())
        .startsWith("Amount actually paid: ")
        .contains("10.12 RUB", "-5.12 RUB");
    assertThat(order(id)).as("nothing changed").isEqualTo(before);
    assertThat(claims(id)).isZero();
    assertThat(tasklist.openTask(instance(id)))
        .as("the same task, with the same deadline")
        .isEqualTo(task);
    assertThat(tasklist.task(task).getDueDate()).isEqualTo(before.get("reviewDeadline").asText());

    assertThat(tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE)).completed())
        .isTrue();
    JsonNode order = awaitStatus(id, "APPROVED");
    assertThat(order.get("amount").get("amount").asText()).isEqualTo("1500.00");
  }

  @Test
  void correctionDeniedAndLeftBehindThenTheDeadlineRejectsAtTheOrdersOwnValues() {
    String id = submit(null);
    long task = reviewTask(id);
    tasklist.assign(task, "anna");
    assertThat(
            tasklist
                .complete(task, ReviewForm.submission(ReviewForm.APPROVE_BELOW_THE_FEE))
                .denied())
        .isTrue();

    engine.increaseTime(WINDOW);

    JsonNode order = awaitStatus(id, "REJECTED");
    assertThat(order.get("rejectionReason").asText()).isEqualTo("TIMEOUT");
    assertThat(order.get("amount").get("amount").asText()).isEqualTo("1500.00");
    assertThat(order.get("fee").get("amount").asText()).isEqualTo("47.50");
    assertThat(events(order))
        .containsExactly("SUBMITTED:status:client:" + client, "REJECTED:status:timer");
    instanceAssert(id)
        .isCompleted()
        .hasNoIncidents()
        .hasPassedElement(REVIEW_TIMED_OUT)
        .hasPassedElement(REJECT_ORDER);
  }

  @Test
  void reminderIsPostedHalfwayAndTheSameTaskCanStillBeCompleted() {
    String id = submit(null);
    long task = reviewTask(id);

    engine.increaseTime(WINDOW.dividedBy(2).plusSeconds(1));
    awaitIndicator(id, "REMINDER");

    assertThat(tasklist.openTask(instance(id))).isEqualTo(task);
    tasklist.assign(task, "anna");
    assertThat(tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE)).completed())
        .isTrue();
    awaitStatus(id, "APPROVED");
  }

  @Test
  void tasklistCompletionAfterAnApiDecisionIsDeniedWithThatDecisionAsItsReason() {
    String id = submit(null);
    long task = reviewTask(id);
    tasklist.assign(task, "anna");
    // Held: the API claims and publishes, the listener runs before the message interrupts the task.
    assertThat(api.post("/api/v1/orders/" + id + "/reject", "{\"comment\":\"no money\"}").status())
        .isEqualTo(202);

    Completion completion = tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE));

    assertThat(completion.completed()).as(completion.toString()).isFalse();
    if (completion.denied()) {
      assertThat(completion.reason()).contains("REJECT by manager through api");
    }
    JsonNode order = awaitStatus(id, "REJECTED");
    assertThat(last(order.get("history")).get("channel").asText()).isEqualTo("api");
  }

  @Test
  void tasklistCompletionAndAnApiDecisionRacingLetExactlyOneDecisionWin() throws Exception {
    int rounds = 8;
    int tasklistWon = 0;
    // Two threads of their own: the common pool has one on a two-core machine, and would run the
    // two in turn.
    ExecutorService channels = Executors.newFixedThreadPool(2);
    for (int round = 0; round < rounds; round++) {
      String id = submit(null);
      long task = reviewTask(id);
      tasklist.assign(task, "anna");
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<Completion> completion =
          CompletableFuture.supplyAsync(
              () -> {
                awaitLatch(start);
                return tasklist.complete(task, ReviewForm.submission(ReviewForm.APPROVE));
              },
              channels);
      // The API starts later each round, so that both channels get their turn at arriving first.
      Duration apiLater = Duration.ofMillis(15L * round);
      CompletableFuture<Integer> decision =
          CompletableFuture.supplyAsync(
              () -> {
                awaitLatch(start);
                pause(apiLater);
                return api.post("/api/v1/orders/" + id + "/reject", null).status();
              },
              channels);
      start.countDown();

      int apiStatus = decision.get();
      Completion tasklistResult = completion.get();
      String status = awaitDecided(id);
      List<String> outcomes =
          jdbc.queryForList(
              "select concat(event, ':', actor, ':', channel) from order_history where order_id = ? and field = 'status'"
                  + " and event <> 'SUBMITTED'",
              String.class,
              id);
      String context = "round " + round + ": api " + apiStatus + ", tasklist " + tasklistResult;
      assertThat(outcomes).as(context).hasSize(1);
      if (apiStatus == 202) {
        assertThat(status).as(context).isEqualTo("REJECTED");
        assertThat(outcomes.get(0)).as(context).isEqualTo("REJECTED:manager:api");
        assertThat(tasklistResult.completed()).as(context).isFalse();
      } else {
        tasklistWon++;
        assertThat(apiStatus).as(context).isEqualTo(409);
        assertThat(tasklistResult.completed()).as(context).isTrue();
        assertThat(outcomes.get(0)).as(context).isEqualTo("APPROVED:anna:tasklist");
      }
      instanceAssert(id).isCompleted().hasNoIncidents();
    }
    channels.shutdown();
    System.out.printf(
        "Tasklist against the API: Tasklist won %d of %d rounds%n", tasklistWon, rounds);
  }

  @Test
  void orderOpenedFromTheStartFormIsAManagersAndItsHistoryNamesTasklistAsItsChannel() {
    long instance =
        startFromTheStartForm(
            new SubmittedPayment(null, null, client, offer, null, "paid at the office"));
    tasklist.openTask(instance);
    String id = orderIdOf(instance);
    opened.add(id);

    JsonNode order = order(id);
    assertThat(order.get("source").asText()).isEqualTo("MANAGER");
    assertThat(order.get("processInstanceKey").asLong()).isEqualTo(instance);
    JsonNode submitted = order.get("history").get(0);
    assertThat(submitted.get("event").asText()).isEqualTo("SUBMITTED");
    assertThat(submitted.get("channel").asText()).isEqualTo("tasklist");
    assertThat(submitted.get("comment").asText()).isEqualTo("paid at the office");
  }

  @Test
  void startFormNamingAnOfferThatCannotBePaidManuallyIsDiscardedWithItsReasonForOperate() {
    long integrated = fixtures.cardAcquiring();
    long cardOffer = fixtures.offer(integrated, "100.00", "RUB", null);

    long instance =
        startFromTheStartForm(new SubmittedPayment(null, null, client, cardOffer, null, null));

    completed(instance)
        .hasPassedElement(ManualPaymentProcess.Elements.SUBMISSION_DISCARDED)
        .hasVariableWithValue(
            Variables.DISCARD_REASON,
            "offerId: offer " + cardOffer + " is not paid through a manual-payment merchant");
  }

  /** What Tasklist's start form does: it starts the process with the form's variables. */
  private long startFromTheStartForm(SubmittedPayment form) {
    return engine
        .client()
        .newCreateInstanceCommand()
        .bpmnProcessId(ManualPaymentProcess.PROCESS_ID)
        .latestVersion()
        .variables(form)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private String submit(String comment) {
    String id = fixtures.submit(client, offer, comment);
    opened.add(id);
    return id;
  }

  private long reviewTask(String id) {
    return tasklist.openTask(instance(id));
  }

  private long instance(String id) {
    return order(id).get("processInstanceKey").asLong();
  }

  private JsonNode order(String id) {
    return api.get("/api/v1/orders/" + id).body();
  }

  private int claims(String id) {
    return jdbc.queryForObject(
        "select count(*) from order_decisions where order_id = ?", Integer.class, id);
  }

  private JsonNode awaitStatus(String id, String status) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> order(id).get("status").asText().equals(status));
    return order(id);
  }

  private String awaitDecided(String id) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                !order(id).get("status").asText().equals("OPEN")
                    && !order(id).has("pendingAction"));
    return order(id).get("status").asText();
  }

  private void awaitIndicator(String id, String status) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from chat_indicators where order_id = ? and status = ?",
                        Integer.class,
                        id,
                        status)
                    == 1);
  }

  private ProcessInstanceAssert instanceAssert(String id) {
    return completed(instance(id));
  }

  /** The instance, once the engine completed it. */
  private ProcessInstanceAssert completed(long key) {
    await()
        .atMost(SETTLE)
        .until(
            () ->
                EngineRecords.of(engine, ValueType.PROCESS_INSTANCE)
                    .anyMatch(
                        r ->
                            r.getKey() == key
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED));
    return new ProcessInstanceAssert(key, records());
  }

  /** The order id the record-open worker gave the instance, as the engine recorded it. */
  private String orderIdOf(long instance) {
    return EngineRecords.<VariableRecordValue>of(engine, ValueType.VARIABLE)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .filter(r -> r.getValue().getName().equals(Variables.ORDER_ID))
        .map(r -> r.getValue().getValue().replace("\"", ""))
        .findFirst()
        .orElseThrow();
  }

  private Set<String> variableNames(long instance) {
    return EngineRecords.<VariableRecordValue>of(engine, ValueType.VARIABLE)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .map(r -> r.getValue().getName())
        .collect(Collectors.toSet());
  }

  private static RecordStream records() {
    return EngineRecords.snapshot(SharedEngine.get());
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  /** Each history row as event:field:actor. */
  private static List<String> events(JsonNode order) {
    List<String> events = new ArrayList<>();
    order
        .get("history")
        .forEach(
            h ->
                events.add(
                    h.get("event").asText()
                        + ":"
                        + h.get("field").asText()
                        + ":"
                        + h.get("actor").asText()));
    return events;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
