package com.chatcommerce.manualpayments.reliability;

import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.APPROVE_ORDER;
import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.REJECT_ORDER;
import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.REVIEW_TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.order.Actor;
import com.chatcommerce.manualpayments.order.Channel;
import com.chatcommerce.manualpayments.order.Correction;
import com.chatcommerce.manualpayments.order.Decision;
import com.chatcommerce.manualpayments.order.DecisionClaimService;
import com.chatcommerce.manualpayments.support.CashDeskApiTest;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager's decision and the review's deadline arriving together, round after round: the clock
 * reaches the deadline while the decision is in flight. The invariant: one outcome, and a decision
 * is either applied (202) or refused (409); none is accepted and then dropped.
 */
@IntegrationTest
class DeadlineRaceTest extends CashDeskApiTest {

  private static final Duration WINDOW = Duration.ofHours(1);
  private static final int ROUNDS = 10;

  @Autowired JdbcTemplate jdbc;
  @Autowired DecisionClaimService claims;

  private long offer;

  @BeforeEach
  void setUp() {
    offer = fixtures.offer(paymentSystem, "500.00", "RUB", WINDOW.toString());
  }

  @Test
  void decisionRacingTheDeadlineIsEitherAppliedOrRefusedNeverAcceptedAndDropped() throws Exception {
    ExecutorService racers = Executors.newFixedThreadPool(2);
    int applied = 0;
    int appliedAfterTheTimer = 0;
    int clockMovedInFlight = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String id = openForReview();
      CountDownLatch start = new CountDownLatch(1);
      // The clock moves a little later each round, so that both get their turn at arriving first.
      Duration deadlineLater = Duration.ofMillis(4L * round);
      long[] sent = new long[2];
      CompletableFuture<Long> deadline =
          CompletableFuture.supplyAsync(
              () -> {
                awaitLatch(start);
                sleep(deadlineLater);
                SharedEngine.get().engine().increaseTime(WINDOW);
                return System.nanoTime();
              },
              racers);
      CompletableFuture<Integer> decision =
          CompletableFuture.supplyAsync(
              () -> {
                awaitLatch(start);
                sent[0] = System.nanoTime();
                int answer = api.post("/api/v1/orders/" + id + "/approve", "{}").status();
                sent[1] = System.nanoTime();
                return answer;
              },
              racers);
      start.countDown();
      long clockMoved = deadline.get();
      int status = decision.get();
      if (sent[0] < clockMoved && clockMoved < sent[1]) {
        clockMovedInFlight++;
      }

      assertOneOutcome(id, status, "round " + round);
      if (status == 202) {
        applied++;
        if (passed(id, REVIEW_TIMED_OUT)) {
          appliedAfterTheTimer++;
        }
      }
    }
    racers.shutdown();
    System.out.printf(
        "decisions racing the deadline: %d of %d applied (%d of them after the timer closed the"
            + " review), the rest refused; the clock passed the deadline during the request in %d rounds%n",
        applied, ROUNDS, appliedAfterTheTimer, clockMovedInFlight);
    assertThat(clockMovedInFlight)
        .as("rounds in which the deadline passed while the decision was in flight")
        .isPositive();
  }

  /**
   * The case the race above reaches only now and then: a decision claimed in time whose message
   * reaches the engine after the timer closed the review. Here the message never comes: the test
   * claims as the API does and does not publish.
   */
  @Test
  void
      decisionClaimedBeforeTheDeadlineWhoseMessageNeverArrivesIsAppliedWhenTheTimerClosesTheReview() {
    String id = openForReview();
    claims.claimBeforeDeadline(
        id,
        "manager/late-message",
        Decision.APPROVE,
        Correction.NONE,
        new Actor("manager", Channel.API));

    SharedEngine.get().increaseTime(WINDOW);

    await().atMost(Duration.ofSeconds(15)).until(() -> finished(id));
    assertThat(jdbc.queryForObject("select status from orders where id = ?", String.class, id))
        .isEqualTo("APPROVED");
    assertThat(passed(id, REVIEW_TIMED_OUT)).isTrue();
    assertThat(passed(id, APPROVE_ORDER)).isTrue();
  }

  private String openForReview() {
    String id = fixtures.submit(client, offer, null);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from chat_indicators where order_id = ?", Long.class, id)
                    == 1);
    SharedEngine.get().idle();
    return id;
  }

  private void assertOneOutcome(String id, int apiStatus, String round) {
    String context = round + ", API answered " + apiStatus;
    assertThat(apiStatus).as(context).isIn(202, 409);
    await().atMost(Duration.ofSeconds(15)).until(() -> finished(id));
    String status = jdbc.queryForObject("select status from orders where id = ?", String.class, id);
    long key =
        jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    List<String> outcomes =
        jdbc.queryForList(
            "select concat(event, ':', channel) from order_history where order_id = ? and event in ('APPROVED','REJECTED')",
            String.class,
            id);

    assertThat(outcomes).as(context + ": exactly one outcome in the history").hasSize(1);
    ProcessInstanceAssert instance =
        new ProcessInstanceAssert(key, records()).isCompleted().hasNoIncidents();
    Map<String, Object> claim =
        jdbc.queryForMap(
            "select d.channel, case when d.claimed_at < o.review_deadline then 'yes' else 'no' end in_time"
                + " from order_decisions d join orders o on o.id = d.order_id where d.order_id = ?",
            id);
    if (apiStatus == 202) {
      assertThat(status).as(context + ": an accepted decision is applied").isEqualTo("APPROVED");
      assertThat(outcomes).containsExactly("APPROVED:api");
      assertThat(claim)
          .as(context + ": an accepted decision was claimed before the deadline")
          .containsEntry("channel", "api")
          .containsEntry("in_time", "yes");
      instance.hasPassedElement(APPROVE_ORDER).hasNotPassedElement(REJECT_ORDER);
    } else {
      assertThat(status)
          .as(context + ": a refused decision means the deadline came first")
          .isEqualTo("REJECTED");
      assertThat(outcomes).containsExactly("REJECTED:timer");
      assertThat(claim).as(context + ": the deadline's claim").containsEntry("channel", "timer");
      assertThat(
              jdbc.queryForObject(
                  "select rejection_reason from orders where id = ?", String.class, id))
          .isEqualTo("TIMEOUT");
      instance.hasPassedElement(REJECT_ORDER).hasNotPassedElement(APPROVE_ORDER);
    }
    assertThat(api.post("/api/v1/orders/" + id + "/reject", "{}").status()).isEqualTo(409);
  }

  private boolean finished(String id) {
    String status = jdbc.queryForObject("select status from orders where id = ?", String.class, id);
    if (status.equals("OPEN")) {
      return false;
    }
    long key =
        jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    return EngineRecords.of(SharedEngine.get(), ValueType.PROCESS_INSTANCE)
        .anyMatch(
            r -> r.getKey() == key && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  private boolean passed(String id, String elementId) {
    long key =
        jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    return EngineRecords.<ProcessInstanceRecordValue>of(
            SharedEngine.get(), ValueType.PROCESS_INSTANCE)
        .anyMatch(
            r ->
                r.getValue().getProcessInstanceKey() == key
                    && r.getValue().getElementId().equals(elementId)
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  private static RecordStream records() {
    return EngineRecords.snapshot(SharedEngine.get());
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
