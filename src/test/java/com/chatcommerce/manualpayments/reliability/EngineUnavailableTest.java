package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.SubmissionService;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Catalog;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine does not answer: requests that need it get 503 and write nothing, so there is no order
 * without a process and no decision the process never heard of; reads from the database go on. Then
 * an engine starts where the application looks for it, and the same requests, with the same keys,
 * succeed once. The application itself starts without an engine only when it does not deploy.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.client.deployment.enabled=false",
      "camunda.client.worker.defaults.enabled=false",
      "camunda.client.request-timeout=PT2S"
    })
@ActiveProfiles({"embedded", "test"})
@Import(Catalog.class)
// By name: the test that brings the engine back runs after the one that needs it missing.
@TestMethodOrder(MethodOrderer.MethodName.class)
class EngineUnavailableTest {

  private static final int ENGINE_PORT = closedPort();
  private static InMemoryEngine engine;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Catalog catalog;
  @Autowired SubmissionService submissions;
  @Autowired TransactionTemplate transaction;

  @AfterAll
  static void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @DynamicPropertySource
  static void deadEngine(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + ENGINE_PORT);
  }

  @Test
  void submissionAndDecisionsAnswer503AndWriteNothingWhileReadsStillWork() {
    Api api = new Api(port);
    Catalog.Setup setup = catalog.cashDeskOffer();
    Order open = submissions.open(UUID.randomUUID().toString(), setup.clientSubmission("test"));
    long ordersBefore = count("orders");
    long historyBefore = count("order_history");

    Api.Response submit =
        api.post(
            "/api/v1/orders",
            "{\"clientId\":" + setup.clientId() + ",\"offerId\":" + setup.offerId() + "}");
    Api.Response approve = api.post("/api/v1/orders/" + open.id() + "/approve", "{}");

    assertThat(submit.status()).isEqualTo(503);
    assertThat(submit.contentType()).startsWith("application/problem+json");
    assertThat(submit.text("detail")).contains("nothing was changed");
    assertThat(approve.status()).isEqualTo(503);
    assertThat(count("orders")).isEqualTo(ordersBefore);
    assertThat(count("order_history")).isEqualTo(historyBefore);
    assertThat(
            jdbc.queryForObject(
                "select pending_action from orders where id = ?", String.class, open.id()))
        .as("the decision's claim was rolled back, so it can be sent again")
        .isNull();

    assertThat(api.get("/api/v1/orders/" + open.id()).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/orders?clientId=" + setup.clientId()).status()).isEqualTo(200);
    Api.Response health = api.get("/actuator/health");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body().get("components").get("camundaClient").get("status").asText())
        .isEqualTo("DOWN");
    assertThat(health.body().get("components").get("db").get("status").asText()).isEqualTo("UP");
  }

  @Test
  void submissionDecisionAndRefundRetriedWithTheirKeysSucceedOnceWhenTheEngineIsBack() {
    Api api = new Api(port);
    Catalog.Setup setup = catalog.cashDeskOffer();
    Order open = submissions.open(UUID.randomUUID().toString(), setup.clientSubmission("test"));
    Order approved = submissions.open(UUID.randomUUID().toString(), setup.clientSubmission("test"));
    transaction.executeWithoutResult(
        t -> jdbc.update("update orders set status = 'APPROVED' where id = ?", approved.id()));
    Request submit =
        new Request(
            "/api/v1/orders",
            "{\"clientId\":" + setup.clientId() + ",\"offerId\":" + setup.offerId() + "}");
    Request decide =
        new Request(
            "/api/v1/orders/" + open.id() + "/approve", "{\"comment\":\"after the outage\"}");
    Request refund =
        new Request(
            "/api/v1/orders/" + approved.id() + "/refund", "{\"comment\":\"after the outage\"}");
    for (Request request : List.of(submit, decide, refund)) {
      assertThat(request.send(api).status())
          .as(request.path() + " without an engine")
          .isEqualTo(503);
    }

    engine = InMemoryEngine.start(ENGINE_PORT);
    engine.deployModels();

    // The platform retries until the engine answers; every retry before that writes nothing.
    Api.Response created =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> submit.send(api), response -> response.status() != 503);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.header("Idempotent-Replayed")).isNull();
    Api.Response decided = decide.send(api);
    Api.Response refunded = refund.send(api);
    assertThat(decided.status()).as(decided.raw()).isEqualTo(202);
    assertThat(refunded.status()).as(refunded.raw()).isEqualTo(202);
    for (Request request : List.of(submit, decide, refund)) {
      assertThat(request.send(api).header("Idempotent-Replayed"))
          .as(request.path() + " again")
          .isEqualTo("true");
    }

    String id = created.text("id");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where client_id = ? and id not in (?, ?)",
                Long.class,
                setup.clientId(),
                open.id(),
                approved.id()))
        .as("orders the submission made")
        .isEqualTo(1);
    assertThat(
            EngineRecords.<ProcessInstanceRecordValue>of(engine, ValueType.PROCESS_INSTANCE)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .filter(r -> r.getKey() == r.getValue().getProcessInstanceKey())
                .filter(
                    r -> r.getValue().getBpmnProcessId().equals(ManualPaymentProcess.PROCESS_ID)))
        .as("payment instances the engine started")
        .extracting(Record::getKey)
        .containsExactly(
            jdbc.queryForObject(
                "select process_instance_key from orders where id = ?", Long.class, id));
    assertThat(
            jdbc.queryForObject(
                "select decision_id from order_decisions where order_id = ?",
                String.class,
                open.id()))
        .isEqualTo("manager/" + decide.key());
    assertThat(
            jdbc.queryForObject(
                "select pending_action from orders where id = ?", String.class, approved.id()))
        .isEqualTo("REFUND");
    assertThat(
            EngineRecords.<MessageRecordValue>of(engine, ValueType.MESSAGE)
                .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
                .map(r -> r.getValue().getName() + " " + r.getValue().getCorrelationKey()))
        .as("messages the engine took in")
        .containsExactlyInAnyOrder(
            ManualPaymentProcess.Messages.DECISION + " " + open.id(),
            ManualPaymentProcess.Messages.REFUND_REQUESTED + " " + approved.id());
  }

  @Test
  void applicationThatDeploysItsModelsDoesNotStartWithoutAnEngine() {
    String[] args = {
      "--spring.profiles.active=embedded,test",
      "--server.port=0",
      "--camunda.client.grpc-address=http://127.0.0.1:" + closedPort(),
      "--camunda.client.request-timeout=PT2S",
      "--camunda.client.worker.defaults.enabled=false"
    };

    assertThatThrownBy(
            () -> new SpringApplicationBuilder(ManualPaymentsApplication.class).run(args).close())
        .as("the deployment at start needs the engine")
        .hasStackTraceContaining("DeploymentAnnotationProcessor.deploy")
        .hasRootCauseInstanceOf(ConnectException.class);
  }

  /** A POST the platform sends, and sends again, with one Idempotency-Key. */
  private record Request(String path, String body, String key) {
    Request(String path, String body) {
      this(path, body, UUID.randomUUID().toString());
    }

    Api.Response send(Api api) {
      return api.send(HttpMethod.POST, path, body, "application/json", key);
    }
  }

  /**
   * Repeats that arrive while the first request with their key is running wait for its answer; when
   * that answer is a 503, which stores nothing, each repeat runs itself and gets its own 503.
   */
  @Test
  void repeatsWaitingForAFirstRequestThatAnswered503RunThemselves() throws Exception {
    Api api = new Api(port);
    Catalog.Setup setup = catalog.cashDeskOffer();
    Request submit =
        new Request(
            "/api/v1/orders",
            "{\"clientId\":" + setup.clientId() + ",\"offerId\":" + setup.offerId() + "}");
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Response>> sent = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sent.add(
            threads.submit(
                () -> {
                  start.await();
                  return submit.send(api);
                }));
      }
      start.countDown();
      for (Future<Api.Response> response : sent) {
        Api.Response answer = response.get();
        assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
        assertThat(answer.header("Idempotent-Replayed")).isNull();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where client_id = ?", Long.class, setup.clientId()))
        .isZero();
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
