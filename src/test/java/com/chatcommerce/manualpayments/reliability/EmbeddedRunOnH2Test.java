package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.order.OrderCommandService;
import com.chatcommerce.manualpayments.order.Submission;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EmbeddedRun;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default as {@code ./mvnw spring-boot:test-run} runs it: H2 in MySQL mode, an
 * in-memory engine of its own, the real workers. On H2 a locking read does not wait for a row
 * another transaction inserted, so a new order's first job can run before the API committed the
 * order; every submission must still reach the review, and none may be discarded.
 */
class EmbeddedRunOnH2Test {

  private static final Duration REACH_REVIEW = Duration.ofSeconds(30);

  private static EmbeddedRun run;
  private static InMemoryEngine engine;
  private static ConfigurableApplicationContext app;
  private static Api platform;
  private static Api manager;
  private static long offer;
  private static long client;

  @BeforeAll
  static void startTheEmbeddedRun() {
    run = EmbeddedRun.start();
    engine = run.engine();
    app = run.app();
    int port = run.port();
    platform = Api.as(port, "platform");
    manager = new Api(port);
    Fixtures fixtures = new Fixtures(manager);
    offer = fixtures.offer(fixtures.cashDesk(), "1500.00", "RUB", null);
    client = fixtures.client();
  }

  @AfterAll
  static void stop() {
    run.close();
  }

  @Test
  void twentySequentialSubmissionsAllReachTheReview() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(submit());
    }

    assertAllReachTheReview(ids);
  }

  @Test
  void burstOfFortyConcurrentSubmissionsAllReachTheReview() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<String>> submitted = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      submitted.add(callers.submit(EmbeddedRunOnH2Test::submit));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> id : submitted) {
      ids.add(id.get());
    }
    callers.shutdown();

    assertAllReachTheReview(ids);
  }

  @Test
  void submissionWhoseCommitTheApiHoldsBackIsWaitedForWithoutUsingARetry() {
    OrderCommandService commands = app.getBean(OrderCommandService.class);
    // The API's own transaction, held open two seconds after the engine started the process.
    String id =
        app.getBean(TransactionTemplate.class)
            .execute(
                t -> {
                  String opened =
                      commands
                          .submit(Submission.byClient(client, offer, null, null, "platform"))
                          .id();
                  sleep(Duration.ofSeconds(2));
                  return opened;
                });

    assertAllReachTheReview(List.of(id));
    long instance = processInstance(id);
    List<Integer> retriesWhileWaiting =
        EngineRecords.<JobRecordValue>of(engine, ValueType.JOB)
            .filter(
                r ->
                    r.getIntent() == JobIntent.FAILED
                        && r.getValue().getProcessInstanceKey() == instance)
            .filter(r -> r.getValue().getType().equals(JobTypes.ORDER_RECORD_OPEN))
            .map(r -> r.getValue().getRetries())
            .toList();
    assertThat(retriesWhileWaiting)
        .as("the first job found no order and waited")
        .isNotEmpty()
        .containsOnly(5);
  }

  @Test
  void clientSearchReadsTheTrigramsTheMigrationAndTheEditsWroteOnH2() {
    long manualAccount = manager.get("/api/v1/clients/manual-account").body().get("id").asLong();
    assertThat(searched("MANUAL acc"))
        .as("the manual account's trigrams, from V11's backfill")
        .contains(manualAccount);

    Api.Response created = manager.post("/api/v1/clients", "{\"name\":\"Жанна 100%_H2\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(searched("жанна 100%_h2")).containsExactly(id);
    assertThat(manager.put("/api/v1/clients/" + id, "{\"name\":\"Ирина 100%_H2\"}").status())
        .isEqualTo(200);
    assertThat(searched("ирина 100%_h2")).containsExactly(id);
    assertThat(searched("жанна 100%_h2")).isEmpty();
  }

  @Test
  void aNameIsFoundByItsCapitalsOnH2WhoseLowerWritesAFinalSigma() {
    Api.Response created = manager.post("/api/v1/clients", "{\"name\":\"ΟΔΥΣΣΕΑΣ H2\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);

    assertThat(searched("ΟΔΥΣΣΕΑΣ H2")).containsExactly(created.body().get("id").asLong());
  }

  private static List<Long> searched(String query) {
    List<Long> ids = new ArrayList<>();
    manager
        .get("/api/v1/clients?limit=100&q=" + query)
        .body()
        .get("clients")
        .forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }

  @Test
  void repeatWithItsIdempotencyKeyReplaysAResponseLongerThanEightThousandCharacters() {
    String body =
        "{\"name\":\"Long description on H2\",\"description\":"
            + Api.q("<".repeat(1500))
            + ",\"commissionPercent\":\"2.5\",\"accountCurrency\":\"RUB\",\"transactionCurrency\":\"RUB\","
            + "\"supportedCurrencies\":[\"RUB\"]}";
    String key = UUID.randomUUID().toString();

    Api.Response first =
        manager.send(HttpMethod.POST, "/api/v1/payment-systems", body, "application/json", key);
    Api.Response again =
        manager.send(HttpMethod.POST, "/api/v1/payment-systems", body, "application/json", key);

    assertThat(first.status()).as(first.raw()).isEqualTo(201);
    assertThat(first.raw().length()).isGreaterThan(9000);
    assertThat(again.raw()).isEqualTo(first.raw());
  }

  private static String submit() {
    Api.Response response =
        platform.post("/api/v1/orders", "{\"clientId\":" + client + ",\"offerId\":" + offer + "}");
    assertThat(response.status()).as(response.raw()).isEqualTo(201);
    return response.text("id");
  }

  /**
   * Every order's process waits at the review, with its OPEN indicator posted; none was discarded.
   */
  private static void assertAllReachTheReview(List<String> ids) {
    Set<Long> instances =
        ids.stream().map(EmbeddedRunOnH2Test::processInstance).collect(Collectors.toSet());
    await()
        .atMost(REACH_REVIEW)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              List<Record<ProcessInstanceRecordValue>> records =
                  EngineRecords.<ProcessInstanceRecordValue>of(engine, ValueType.PROCESS_INSTANCE)
                      .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                      .toList();
              assertThat(records)
                  .filteredOn(
                      r -> r.getValue().getElementId().equals(Elements.SUBMISSION_DISCARDED))
                  .as("discarded submissions")
                  .isEmpty();
              assertThat(
                      records.stream()
                          .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                          .filter(r -> r.getValue().getElementId().equals(Elements.REVIEW_PAYMENT))
                          .map(r -> r.getValue().getProcessInstanceKey())
                          .collect(Collectors.toSet()))
                  .as("instances waiting at the review")
                  .isEqualTo(instances);
            });
    for (String id : ids) {
      assertThat(manager.get("/api/v1/orders/" + id).body().get("status").asText())
          .isEqualTo("OPEN");
    }
  }

  private static long processInstance(String orderId) {
    return manager.get("/api/v1/orders/" + orderId).body().get("processInstanceKey").asLong();
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
