package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import com.chatcommerce.manualpayments.support.TcpProxy;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine takes a command in, but its answer reaches the API only after the API gave up waiting.
 * The application reaches the engine through a proxy that holds the engine's answers back while the
 * API's requests still go through; the API's request timeout is 2 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAnswersTooLateTest {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private InMemoryEngine engine;
  private TcpProxy proxy;
  private ConfigurableApplicationContext app;
  private Api api;
  private Fixtures fixtures;
  private JdbcTemplate jdbc;

  @BeforeAll
  void start() throws Exception {
    engine = InMemoryEngine.start();
    engine.deployModels();
    proxy = new TcpProxy("127.0.0.1", engine.port());
    Map<String, Object> properties =
        Map.of(
            "spring.profiles.active", "embedded,test",
            "camunda.client.grpc-address", "http://127.0.0.1:" + proxy.port(),
            "camunda.client.request-timeout", REQUEST_TIMEOUT.toString(),
            // A 2 s timeout is too short for a cold engine's first deployment; the test deploys
            // instead.
            "camunda.client.deployment.enabled", "false",
            "manual-payments.submission-commit-margin", "PT1S",
            "server.port", "0");
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    app = new SpringApplicationBuilder(ManualPaymentsApplication.class).run(args);
    api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    fixtures = new Fixtures(api);
    jdbc = app.getBean(JdbcTemplate.class);
  }

  @AfterAll
  void stop() throws Exception {
    app.close();
    proxy.close();
    engine.close();
  }

  @Test
  void submissionAnsweredTooLateIs503ItsProcessIsDiscardedAndTheRetryMakesTheOneOrder() {
    long offer = fixtures.offer(fixtures.cashDesk(), "800.00", "RUB", null);
    long client = fixtures.client();
    String key = UUID.randomUUID().toString();
    String body = "{\"clientId\":" + client + ",\"offerId\":" + offer + "}";
    long before = EngineRecords.lastPosition(engine);

    holdEngineAnswers();
    Api.Response late;
    try {
      late = api.send(HttpMethod.POST, "/api/v1/orders", body, "application/json", key);
      await().atMost(Duration.ofSeconds(10)).until(() -> paymentInstancesAfter(before).size() == 1);
    } finally {
      proxy.releaseAnswers();
    }

    assertThat(late.status()).isEqualTo(503);
    assertThat(late.contentType()).startsWith("application/problem+json");
    assertThat(orders(client)).as("the API rolled its order back").isZero();
    long discarded = paymentInstancesAfter(before).get(0);
    String rolledBackOrder =
        variable(discarded, Variables.ORDER_ID).orElseThrow().replace("\"", "");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> completed(discarded, Elements.SUBMISSION_DISCARDED));
    assertThat(variable(discarded, Variables.DISCARD_REASON).orElseThrow()).contains("rolled back");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where id = ?", Long.class, rolledBackOrder))
        .isZero();

    Api.Response retry = api.send(HttpMethod.POST, "/api/v1/orders", body, "application/json", key);
    Api.Response again = api.send(HttpMethod.POST, "/api/v1/orders", body, "application/json", key);

    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed"))
        .as("the failed attempt left nothing to replay")
        .isNull();
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.text("id")).isEqualTo(retry.text("id"));
    String id = retry.text("id");
    assertThat(orders(client)).isEqualTo(1);
    List<Long> instances = paymentInstancesAfter(before);
    assertThat(instances).hasSize(2);
    long kept =
        jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    assertThat(instances).containsExactly(discarded, kept);
    await().atMost(Duration.ofSeconds(20)).until(() -> activated(kept, Elements.REVIEW_PAYMENT));
    assertThat(activated(kept, Elements.SUBMISSION_DISCARDED)).isFalse();
  }

  @Test
  void decisionAnsweredTooLateIs503IsStillAppliedOnceAndItsRetryIsAccepted() {
    long offer = fixtures.offer(fixtures.cashDesk(), "900.00", "RUB", null);
    long client = fixtures.client();
    String id = fixtures.submit(client, offer, null);
    long instance =
        jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> activated(instance, Elements.REVIEW_PAYMENT));
    String key = UUID.randomUUID().toString();
    String body = "{\"comment\":\"seen on the statement\"}";

    holdEngineAnswers();
    Api.Response late;
    try {
      late =
          api.send(
              HttpMethod.POST, "/api/v1/orders/" + id + "/approve", body, "application/json", key);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> completed(instance, Elements.DECISION_RECEIVED));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from order_decisions where order_id = ?", Long.class, id))
          .as("the API rolled its claim back")
          .isZero();
    } finally {
      proxy.releaseAnswers();
    }

    assertThat(late.status()).isEqualTo(503);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "APPROVED"
                    .equals(
                        jdbc.queryForObject(
                            "select status from orders where id = ?", String.class, id)));
    Api.Response retry =
        api.send(
            HttpMethod.POST, "/api/v1/orders/" + id + "/approve", body, "application/json", key);

    assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    assertThat(
            jdbc.queryForList(
                "select concat_ws('|', event, actor, channel, coalesce(comment, '-')) from order_history"
                    + " where order_id = ? and field = 'status' order by id",
                String.class,
                id))
        .containsExactly(
            "SUBMITTED|client:" + client + "|api|-", "APPROVED|manager|api|seen on the statement");
    await().atMost(Duration.ofSeconds(20)).until(() -> finished(instance));
  }

  /**
   * Holds the engine's answers back on a connection that is already open: a connection opened while
   * answers are held never completes its handshake, so no request would reach the engine at all.
   */
  private void holdEngineAnswers() {
    app.getBean(CamundaClient.class).newTopologyRequest().send().join();
    proxy.holdAnswers();
  }

  /** The payment instances the engine created after {@code position}, oldest first. */
  private List<Long> paymentInstancesAfter(long position) {
    return EngineRecords.<ProcessInstanceRecordValue>of(engine, ValueType.PROCESS_INSTANCE)
        .filter(
            r ->
                r.getPosition() > position
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getKey() == r.getValue().getProcessInstanceKey())
        .filter(r -> r.getValue().getBpmnProcessId().equals(ManualPaymentProcess.PROCESS_ID))
        .map(Record::getKey)
        .toList();
  }

  private Optional<String> variable(long instance, String name) {
    return EngineRecords.<VariableRecordValue>of(engine, ValueType.VARIABLE)
        .filter(
            r -> r.getIntent() == VariableIntent.CREATED || r.getIntent() == VariableIntent.UPDATED)
        .filter(
            r ->
                r.getValue().getProcessInstanceKey() == instance
                    && r.getValue().getName().equals(name))
        .map(r -> r.getValue().getValue())
        .reduce((first, last) -> last);
  }

  private boolean activated(long instance, String elementId) {
    return reached(instance, elementId, ProcessInstanceIntent.ELEMENT_ACTIVATED);
  }

  private boolean completed(long instance, String elementId) {
    return reached(instance, elementId, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  private boolean finished(long instance) {
    return EngineRecords.<ProcessInstanceRecordValue>of(engine, ValueType.PROCESS_INSTANCE)
        .anyMatch(
            r ->
                r.getKey() == instance && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  private boolean reached(long instance, String elementId, ProcessInstanceIntent intent) {
    return EngineRecords.<ProcessInstanceRecordValue>of(engine, ValueType.PROCESS_INSTANCE)
        .anyMatch(
            r ->
                r.getValue().getProcessInstanceKey() == instance
                    && r.getValue().getElementId().equals(elementId)
                    && r.getIntent() == intent);
  }

  private long orders(long client) {
    return jdbc.queryForObject(
        "select count(*) from orders where client_id = ?", Long.class, client);
  }
}
