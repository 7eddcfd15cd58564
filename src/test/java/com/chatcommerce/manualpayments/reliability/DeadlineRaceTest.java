package com.chatcommerce.manualpayments.reliability;

import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.APPROVE_ORDER;
import static com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements.REJECT_ON_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager's decision and the review's deadline arriving together: whichever the engine takes
 * first is the only outcome, and the database and the engine agree on it.
 */
@IntegrationTest
class DeadlineRaceTest {

  private static final Duration WINDOW = Duration.ofHours(1);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Api api;
  private Fixtures fixtures;
  private long offer;
  private long client;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(api);
    offer = fixtures.offer(fixtures.cashDesk(), "500.00", "RUB", WINDOW.toString());
    client = fixtures.client();
  }

  @Test
  void clockReachesTheDeadlineThenADecisionArrivesAtOnce() {
    for (int round = 0; round < 3; round++) {
      String id = openForReview();
      SharedEngine.get().engine().increaseTime(WINDOW);
      int status = api.post("/api/v1/orders/" + id + "/approve", "{}").status();
      assertOneOutcome(id, status);
    }
  }

  @Test
  void decisionArrivesThenTheClockReachesTheDeadlineAtOnce() {
    for (int round = 0; round < 3; round++) {
      String id = openForReview();
      int status = api.post("/api/v1/orders/" + id + "/approve", "{}").status();
      SharedEngine.get().engine().increaseTime(WINDOW);
      assertOneOutcome(id, status);
    }
  }

  private String openForReview() {
    String id = fixtures.submit(client, offer, null);
    await().atMost(Duration.ofSeconds(10))
        .until(() -> jdbc.queryForObject("select count(*) from chat_indicators where order_id = ?", Long.class, id) == 1);
    SharedEngine.get().idle();
    return id;
  }

  private void assertOneOutcome(String id, int apiStatus) {
    assertThat(apiStatus).isIn(202, 409);
    await().atMost(Duration.ofSeconds(15)).until(() -> finished(id));
    String status = jdbc.queryForObject("select status from orders where id = ?", String.class, id);
    long key = jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    List<String> decisions = jdbc.queryForList(
        "select event from order_history where order_id = ? and event in ('APPROVED','REJECTED')", String.class, id);

    assertThat(decisions).as("exactly one outcome in the history").hasSize(1).containsExactly(status);
    ProcessInstanceAssert instance = new ProcessInstanceAssert(key, records()).isCompleted().hasNoIncidents();
    if (status.equals("APPROVED")) {
      instance.hasPassedElement(APPROVE_ORDER).hasNotPassedElement(REJECT_ON_TIMEOUT);
    } else {
      assertThat(status).isEqualTo("REJECTED");
      assertThat(jdbc.queryForObject("select rejection_reason from orders where id = ?", String.class, id))
          .isEqualTo("TIMEOUT");
      instance.hasPassedElement(REJECT_ON_TIMEOUT).hasNotPassedElement(APPROVE_ORDER);
    }
    if (apiStatus == 409) {
      assertThat(status).as("a refused decision means the timer came first").isEqualTo("REJECTED");
    }
    assertThat(api.post("/api/v1/orders/" + id + "/reject", "{}").status()).isEqualTo(409);
  }

  private boolean finished(String id) {
    String status = jdbc.queryForObject("select status from orders where id = ?", String.class, id);
    if (status.equals("OPEN")) {
      return false;
    }
    long key = jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
        .anyMatch(r -> r.getKey() == key && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  private static RecordStream records() {
    return RecordStream.of(SharedEngine.get().engine().getRecordStreamSource());
  }
}
