package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API and the workers run apart (WORKERS_ENABLED). The workers stop while the engine and the
 * API go on, with flows waiting in every state; a new workers instance finishes each flow exactly
 * once. One decision is taken before its order's review opened and outlives its message ({@code
 * DECISION_MESSAGE_TTL}, 1 h): the order keeps its claim and its deadline applies it.
 */
class WorkerRestartTest {

  private InMemoryEngine engine;
  private ConfigurableApplicationContext apiContext;
  private ConfigurableApplicationContext workers;

  @BeforeEach
  void start() {
    engine = InMemoryEngine.start();
    engine.useForAssertions();
    apiContext =
        app(
            WebApplicationType.SERVLET,
            Map.of("server.port", "0", "camunda.client.worker.defaults.enabled", "false"));
    workers = startWorkers();
  }

  @AfterEach
  void stop() {
    if (workers != null) {
      workers.close();
    }
    apiContext.close();
    engine.close();
  }

  @Test
  void flowsWaitingInEveryStateCompleteExactlyOnceAfterTheWorkersRestart() {
    Api api =
        new Api(Integer.parseInt(apiContext.getEnvironment().getProperty("local.server.port")));
    Fixtures fixtures = new Fixtures(api);
    long paymentSystem = fixtures.cashDesk();
    long offer = fixtures.offer(paymentSystem, "300.00", "RUB", null);
    long hourOffer = fixtures.offer(paymentSystem, "300.00", "RUB", "PT1H");
    long dayOffer = fixtures.offer(paymentSystem, "300.00", "RUB", "P1D");
    long client = fixtures.client();
    JdbcTemplate jdbc = apiContext.getBean(JdbcTemplate.class);

    String toRefund = fixtures.submit(client, offer, "approved before the stop");
    api.post("/api/v1/orders/" + toRefund + "/approve", "{}");
    String toApprove = fixtures.submit(client, offer, "waits for review");
    String toExpire = fixtures.submit(client, hourOffer, "expires while the workers are down");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                status(jdbc, toRefund).equals("APPROVED")
                    && indicators(jdbc, toApprove) == 1
                    && indicators(jdbc, toExpire) == 1);
    engine.idle();

    workers.close();
    workers = null;
    String submittedWhileDown =
        fixtures.submit(client, offer, "submitted while the workers are down");
    String decidedWhileDown = fixtures.submit(client, dayOffer, "decided before its review opened");
    assertThat(api.post("/api/v1/orders/" + toApprove + "/approve", "{}").status()).isEqualTo(202);
    assertThat(api.post("/api/v1/orders/" + toRefund + "/refund", "{}").status()).isEqualTo(202);
    assertThat(
            api.post(
                    "/api/v1/orders/" + decidedWhileDown + "/approve",
                    "{\"comment\":\"paid at the desk\"}")
                .status())
        .isEqualTo(202);
    engine.increaseTime(Duration.ofMinutes(45));
    engine.increaseTime(Duration.ofMinutes(15));
    engine.increaseTime(Duration.ofMinutes(1));
    await().atMost(Duration.ofSeconds(15)).until(() -> decisionMessageExpired(decidedWhileDown));
    assertThat(List.of(status(jdbc, toRefund), status(jdbc, toApprove), status(jdbc, toExpire)))
        .as("nothing moves without workers")
        .containsExactly("APPROVED", "OPEN", "OPEN");

    workers = startWorkers();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                status(jdbc, toRefund).equals("REFUNDED")
                    && status(jdbc, toApprove).equals("APPROVED")
                    && status(jdbc, toExpire).equals("REJECTED")
                    && indicators(jdbc, submittedWhileDown) == 1
                    && indicators(jdbc, toExpire) == 3);
    api.post("/api/v1/orders/" + submittedWhileDown + "/reject", "{}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                status(jdbc, submittedWhileDown).equals("REJECTED")
                    && indicators(jdbc, decidedWhileDown) == 1);
    engine.idle();
    assertThat(status(jdbc, decidedWhileDown))
        .as("its review opened after its message expired")
        .isEqualTo("OPEN");
    assertThat(api.post("/api/v1/orders/" + decidedWhileDown + "/reject", "{}").status())
        .as("the order keeps its claim")
        .isEqualTo(409);
    engine.increaseTime(Duration.ofDays(1));
    // A status is written before its CRM line and its indicator: wait for the last indicator of
    // each flow.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                status(jdbc, decidedWhileDown).equals("APPROVED")
                    && indicators(jdbc, decidedWhileDown) == 3
                    && indicators(jdbc, submittedWhileDown) == 2
                    && indicators(jdbc, toRefund) == 3
                    && indicators(jdbc, toApprove) == 2);

    assertThat(events(jdbc, toRefund)).containsExactly("SUBMITTED", "APPROVED", "REFUNDED");
    assertThat(events(jdbc, toApprove)).containsExactly("SUBMITTED", "APPROVED");
    assertThat(events(jdbc, toExpire)).containsExactly("SUBMITTED", "REJECTED");
    assertThat(events(jdbc, submittedWhileDown)).containsExactly("SUBMITTED", "REJECTED");
    assertThat(
            jdbc.queryForList(
                "select concat_ws('|', event, actor, channel, coalesce(comment, '-')) from order_history"
                    + " where order_id = ? and field = 'status' order by id",
                String.class,
                decidedWhileDown))
        .as("the deadline applied the claimed decision, in its manager's name")
        .containsExactly(
            "SUBMITTED|client:" + client + "|api|decided before its review opened",
            "APPROVED|manager|api|paid at the desk");
    assertThat(
            jdbc.queryForList(
                "select order_id, status, count(*) c from chat_indicators where client_id = ? group by order_id, status"
                    + " having count(*) > 1",
                client))
        .as("one indicator per status")
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from chat_indicators where client_id = ?", Long.class, client))
        .as(
            "OPEN + outcome (+ REFUNDED) per order, and a reminder for each order its deadline closed")
        .isEqualTo(2 + 1 + 2 + 2 + 2 + 1 + 3);
    for (String id : List.of(toRefund, toApprove, toExpire, submittedWhileDown, decidedWhileDown)) {
      long key =
          jdbc.queryForObject(
              "select process_instance_key from orders where id = ?", Long.class, id);
      // The engine's assertions read a record stream bound to the test's thread.
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInSameThread()
          .untilAsserted(() -> engine.assertThatInstance(key).isCompleted().hasNoIncidents());
    }
  }

  /** The engine's expiry record names the message by its key only. */
  private boolean decisionMessageExpired(String orderId) {
    Set<Long> published =
        EngineRecords.<MessageRecordValue>of(engine, ValueType.MESSAGE)
            .filter(
                r ->
                    r.getIntent() == MessageIntent.PUBLISHED
                        && r.getValue().getName().equals(Messages.DECISION))
            .filter(r -> r.getValue().getCorrelationKey().equals(orderId))
            .map(Record::getKey)
            .collect(Collectors.toSet());
    return EngineRecords.of(engine, ValueType.MESSAGE)
        .anyMatch(r -> r.getIntent() == MessageIntent.EXPIRED && published.contains(r.getKey()));
  }

  private ConfigurableApplicationContext startWorkers() {
    return app(WebApplicationType.NONE, Map.of("camunda.client.deployment.enabled", "false"));
  }

  private ConfigurableApplicationContext app(
      WebApplicationType type, Map<String, Object> properties) {
    Map<String, Object> all = new java.util.HashMap<>(properties);
    all.put("camunda.client.grpc-address", engine.grpcAddress());
    all.put("spring.profiles.active", "embedded,test");
    // As command-line arguments, so that they win over application.yaml's defaults.
    String[] args =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(ManualPaymentsApplication.class).web(type).run(args);
  }

  private static String status(JdbcTemplate jdbc, String id) {
    return jdbc.queryForObject("select status from orders where id = ?", String.class, id);
  }

  private static long indicators(JdbcTemplate jdbc, String id) {
    return jdbc.queryForObject(
        "select count(*) from chat_indicators where order_id = ?", Long.class, id);
  }

  private static List<String> events(JdbcTemplate jdbc, String id) {
    return jdbc.queryForList(
        "select event from order_history where order_id = ? and field = 'status' order by id",
        String.class,
        id);
  }
}
