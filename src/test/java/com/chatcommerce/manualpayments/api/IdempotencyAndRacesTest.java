package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Repeated and racing requests, from real threads, against MariaDB and the engine. */
@IntegrationTest
class IdempotencyAndRacesTest {

  private static final String REPLAYED = "Idempotent-Replayed";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final ExecutorService threads = Executors.newFixedThreadPool(20);
  private Api api;
  private Fixtures fixtures;
  private long offer;
  private long client;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(api);
    offer = fixtures.offer(fixtures.cashDesk(), "1500.00", "RUB", null);
    client = fixtures.client();
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void sameSubmissionSentTwentyTimesAtOnceMakesOneOrderAndOneProcess() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"clientId\":" + client + ",\"offerId\":" + offer + ",\"comment\":\"once\"}";

    List<Api.Response> responses =
        all(20, () -> api.send(HttpMethod.POST, "/api/v1/orders", body, "application/json", key));

    assertThat(responses).extracting(Api.Response::status).containsOnly(201);
    assertThat(responses).extracting(r -> r.text("id")).containsOnly(responses.get(0).text("id"));
    assertReplays(responses, 19);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where client_id = ?", Long.class, client))
        .isEqualTo(1);
    String id = responses.get(0).text("id");
    await().atMost(Duration.ofSeconds(10)).until(() -> indicators().size() == 1);
    assertThat(paymentInstancesStartedFor(id))
        .as("payment instances the engine created for the order")
        .hasSize(1);
  }

  @Test
  void repeatedKeyReplaysTheFirstResponseAndAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    String body = "{\"clientId\":" + client + ",\"offerId\":" + offer + "}";

    Api.Response first = api.send(HttpMethod.POST, "/api/v1/orders", body, "application/json", key);
    Api.Response again = api.send(HttpMethod.POST, "/api/v1/orders", body, "application/json", key);
    Api.Response other =
        api.send(
            HttpMethod.POST,
            "/api/v1/orders",
            "{\"clientId\":" + client + ",\"offerId\":" + offer + ",\"comment\":\"changed\"}",
            "application/json",
            key);

    assertThat(first.header(REPLAYED)).isNull();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header(REPLAYED)).isEqualTo("true");
    assertThat(other.header(REPLAYED)).isNull();
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.body().get("errors").get(0).get("field").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where client_id = ?", Long.class, client))
        .isEqualTo(1);
  }

  @Test
  void repeatedDecisionIsAppliedOnce() {
    String id = fixtures.submit(client, offer, null);
    String key = UUID.randomUUID().toString();

    Api.Response first =
        api.send(
            HttpMethod.POST, "/api/v1/orders/" + id + "/approve", "{}", "application/json", key);
    Api.Response again =
        api.send(
            HttpMethod.POST, "/api/v1/orders/" + id + "/approve", "{}", "application/json", key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.header(REPLAYED)).isEqualTo("true");
    await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("APPROVED"));
    awaitFinished(id);
    assertThat(decisions(id)).isEqualTo(1);
  }

  @Test
  void sameDecisionSentTenTimesAtOnceIsClaimedPublishedAndAppliedOnce() throws Exception {
    String id = fixtures.submit(client, offer, null);
    await().atMost(Duration.ofSeconds(10)).until(() -> indicators().size() == 1);
    String key = UUID.randomUUID().toString();

    List<Api.Response> responses =
        all(
            10,
            () ->
                api.send(
                    HttpMethod.POST,
                    "/api/v1/orders/" + id + "/approve",
                    "{\"comment\":\"once\"}",
                    "application/json",
                    key));

    assertThat(responses).extracting(Api.Response::status).containsOnly(202);
    assertReplays(responses, 9);
    await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("APPROVED"));
    awaitFinished(id);
    assertThat(decisions(id)).isEqualTo(1);
    // The claim's table holds one row per order by its key; the id shows whose claim it is.
    assertThat(
            jdbc.queryForObject(
                "select decision_id from order_decisions where order_id = ?", String.class, id))
        .isEqualTo("manager/" + key);
    assertThat(
            EngineRecords.<MessageRecordValue>of(SharedEngine.get(), ValueType.MESSAGE)
                .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
                .filter(r -> r.getValue().getCorrelationKey().equals(id)))
        .as("decision messages the engine took in for the order")
        .hasSize(1);
  }

  @Test
  void approveAndRejectRacingOnOneOrderApplyExactlyOneDecision() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = fixtures.submit(client, offer, null);
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Api.Response>> racers = new ArrayList<>();
      for (String decision : List.of("approve", "reject", "approve", "reject")) {
        racers.add(
            () -> {
              start.await();
              return api.post("/api/v1/orders/" + id + "/" + decision, "{}");
            });
      }
      List<Future<Api.Response>> futures = new ArrayList<>();
      racers.forEach(r -> futures.add(threads.submit(r)));
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> f : futures) {
        statuses.add(f.get().status());
      }

      assertThat(statuses).containsOnly(202, 409);
      assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> !status(id).equals("OPEN"));
      awaitFinished(id);
      assertThat(decisions(id)).as("one decision in the history").isEqualTo(1);
    }
  }

  @Test
  void markupAndSqlInACommentAreStoredVerbatimAndNeverInterpreted() {
    String hostile = "<script>alert('x')</script>'); DROP TABLE orders; -- \"quoted\" \\ back";
    Api.Response created =
        api.post(
            "/api/v1/orders",
            "{\"clientId\":"
                + client
                + ",\"offerId\":"
                + offer
                + ",\"comment\":"
                + Api.q(hostile)
                + "}");

    Api.Response read = api.get("/api/v1/orders/" + created.text("id"));
    assertThat(read.body().get("comment").asText()).isEqualTo(hostile);
    assertThat(read.raw()).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
    assertThat(
            jdbc.queryForObject(
                "select comment from orders where id = ?", String.class, created.text("id")))
        .isEqualTo(hostile);
  }

  private String status(String id) {
    return api.get("/api/v1/orders/" + id).body().get("status").asText();
  }

  /**
   * Until the order's process ended: a decision applied a second time would be written before that,
   * so the history can be counted then.
   */
  private void awaitFinished(String id) {
    long instance = api.get("/api/v1/orders/" + id).body().get("processInstanceKey").asLong();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                EngineRecords.<ProcessInstanceRecordValue>of(
                        SharedEngine.get(), ValueType.PROCESS_INSTANCE)
                    .anyMatch(
                        r ->
                            r.getKey() == instance
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  private long decisions(String id) {
    return jdbc.queryForObject(
        "select count(*) from order_history where order_id = ? and event in ('APPROVED', 'REJECTED', 'COMPLETED')",
        Long.class,
        id);
  }

  /** One response ran the request; {@code replays} others repeat it with the replay header. */
  private static void assertReplays(List<Api.Response> responses, int replays) {
    List<String> headers = responses.stream().map(r -> r.header(REPLAYED)).toList();
    assertThat(headers).filteredOn(Objects::isNull).as("responses that ran the request").hasSize(1);
    assertThat(headers).filteredOn("true"::equals).as("replayed responses").hasSize(replays);
  }

  /** Every instance of the payment process the engine was asked to start with this order id. */
  private static List<Long> paymentInstancesStartedFor(String orderId) {
    return EngineRecords.<VariableRecordValue>of(SharedEngine.get(), ValueType.VARIABLE)
        .filter(r -> r.getIntent() == VariableIntent.CREATED)
        .filter(r -> r.getValue().getBpmnProcessId().equals(ManualPaymentProcess.PROCESS_ID))
        .filter(r -> r.getValue().getName().equals(Variables.ORDER_ID))
        .filter(r -> r.getValue().getValue().equals(Api.q(orderId)))
        .map(r -> r.getValue().getProcessInstanceKey())
        .distinct()
        .toList();
  }

  private JsonNode indicators() {
    return api.get("/api/v1/clients/" + client + "/chat-indicators").body().get("indicators");
  }

  private <T> List<T> all(int count, Callable<T> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(
          threads.submit(
              () -> {
                start.await();
                return call.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get());
    }
    return results;
  }
}
