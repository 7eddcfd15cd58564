package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import com.chatcommerce.manualpayments.support.TcpProxy;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application loses its database for 20 s while 200 flows are under way. The shared MariaDB is
 * never stopped: the application reaches it through a proxy that the test cuts. Afterwards every
 * flow reaches its final status once; jobs whose retries ran out became incidents naming the SQL
 * fault, and the retry endpoint finishes them. During the outage every call answers 503 and writes
 * nothing, and health says the database is down.
 */
@Tag("slow")
class DatabaseOutageTest {

  private static final int FLOWS = 200;
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  private InMemoryEngine engine;
  private TcpProxy proxy;
  private ConfigurableApplicationContext app;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @BeforeEach
  void start() throws Exception {
    engine = InMemoryEngine.start();
    proxy = new TcpProxy("127.0.0.1", 3306);
    String url =
        System.getenv()
            .getOrDefault("TEST_DATABASE_URL", "jdbc:mariadb://127.0.0.1:3306/manual_payments_test")
            .replace("127.0.0.1:3306", "127.0.0.1:" + proxy.port())
            .replace("localhost:3306", "127.0.0.1:" + proxy.port());
    Map<String, Object> properties =
        Map.of(
            "spring.profiles.active", "embedded,test",
            "spring.datasource.url", url,
            "spring.datasource.hikari.connection-timeout", "250",
            "camunda.client.execution-threads", "8",
            "spring.datasource.hikari.validation-timeout", "1000",
            "camunda.client.grpc-address", engine.grpcAddress(),
            "server.port", "0",
            // Short enough that jobs caught by the outage run out of retries and become incidents.
            "manual-payments.workers.first-retry-backoff", "PT0.5S",
            "manual-payments.workers.longest-retry-backoff", "PT1S");
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    app = new SpringApplicationBuilder(ManualPaymentsApplication.class).run(args);
  }

  @AfterEach
  void stop() throws Exception {
    threads.shutdownNow();
    app.close();
    proxy.close();
    engine.close();
  }

  @Test
  void everyFlowReachesItsFinalStatusOnceAfterA20SecondOutage() throws Exception {
    Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    Fixtures fixtures = new Fixtures(api);
    long offer = fixtures.offer(fixtures.cashDesk(), "250.00", "RUB", "PT1H");
    long client = fixtures.client();
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> submitted = new ArrayList<>();
    for (int i = 0; i < FLOWS; i++) {
      int n = i;
      submitted.add(threads.submit(() -> ids.add(fixtures.submit(client, offer, "flow " + n))));
    }
    for (Future<?> f : submitted) {
      f.get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> indicators(jdbc, client, "OPEN") == FLOWS);
    engine.idle();

    // Half the flows are decided, and the other half's deadline passes, just as the database goes
    // away.
    List<String> approved = ids.subList(0, FLOWS / 2);
    for (String id : approved) {
      assertThat(api.post("/api/v1/orders/" + id + "/approve", "{}").status()).isEqualTo(202);
    }
    proxy.cut();
    engine.engine().increaseTime(Duration.ofHours(1));
    Api anonymous =
        new Api(
            Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), null, null);
    String submission = "{\"clientId\":" + client + ",\"offerId\":" + offer + "}";
    String outageKey = "outage-" + UUID.randomUUID();
    String undecided = ids.get(FLOWS - 1);
    Map<String, Api.Response> duringOutage = new LinkedHashMap<>();
    duringOutage.put("read", api.get("/api/v1/orders?clientId=" + client));
    duringOutage.put("submission", api.post("/api/v1/orders", submission));
    duringOutage.put(
        "submission with a key",
        api.send(HttpMethod.POST, "/api/v1/orders", submission, "application/json", outageKey));
    duringOutage.put("decision", api.post("/api/v1/orders/" + undecided + "/approve", "{}"));
    duringOutage.forEach(
        (call, response) -> {
          assertThat(response.status())
              .as(call + " during the outage: " + response.raw())
              .isEqualTo(503);
          assertThat(response.contentType()).as(call).startsWith("application/problem+json");
        });
    assertThat(anonymous.get("/actuator/health").body().get("status").asText()).isEqualTo("DOWN");
    // Anonymous callers see only UP or DOWN; its parts are for managers and analysts.
    Api.Response health = api.get("/actuator/health");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body().at("/components/db/status").asText()).isEqualTo("DOWN");
    assertThat(health.body().at("/components/camundaClient/status").asText()).isEqualTo("UP");
    Thread.sleep(OUTAGE.toMillis());
    proxy.restore();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> anonymous.get("/actuator/health").status() == 200);

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                retryIncidents(api) == 0
                    && indicators(jdbc, client, "APPROVED") == FLOWS / 2
                    && indicators(jdbc, client, "REJECTED") == FLOWS / 2
                    && indicators(jdbc, client, "REMINDER") == FLOWS / 2);

    assertThat(incidentsRetried).as("jobs caught by the outage became incidents").isPositive();
    assertThat(incidentMessages)
        .as("each incident names the database fault that failed its job")
        .allSatisfy(
            message ->
                assertThat(message)
                    .contains("Unable to acquire JDBC Connection", "Connection is not available"));
    assertThat(count(jdbc, "select count(*) from orders where client_id = ?", client))
        .as("orders, the submissions during the outage wrote none")
        .isEqualTo(FLOWS);
    assertThat(
            count(
                jdbc, "select count(*) from idempotency_keys where idempotency_key = ?", outageKey))
        .isZero();
    assertThat(
            count(
                jdbc,
                "select count(*) from order_history where order_id = ? and actor = 'manager'",
                undecided))
        .as("the decision during the outage claimed nothing; the deadline rejected the order")
        .isZero();
    for (String id : ids) {
      String expected = approved.contains(id) ? "APPROVED" : "REJECTED";
      assertThat(
              jdbc.queryForList(
                  "select event from order_history where order_id = ? and field = 'status'"
                      + " order by id",
                  String.class,
                  id))
          .as(id)
          .containsExactly("SUBMITTED", expected);
    }
    assertThat(
            count(
                jdbc,
                "select count(*) from orders where client_id = ? and status = 'REJECTED'"
                    + " and rejection_reason = 'TIMEOUT'",
                client))
        .isEqualTo(FLOWS / 2);
    assertThat(count(jdbc, "select count(*) from chat_indicators where client_id = ?", client))
        .as("OPEN and the outcome for every flow, a reminder for each expired one")
        .isEqualTo(2L * FLOWS + FLOWS / 2);
    assertThat(
            count(
                jdbc,
                "select count(*) from crm_client_orders where client_id = ? and status in"
                    + " ('APPROVED','REJECTED')",
                client))
        .isEqualTo(FLOWS);
    Set<Long> keys =
        ids.stream()
            .map(
                id ->
                    jdbc.queryForObject(
                        "select process_instance_key from orders where id = ?", Long.class, id))
            .collect(Collectors.toSet());
    assertThat(keys).hasSize(FLOWS);
    engine.useForAssertions();
    keys.forEach(key -> engine.assertThatInstance(key).isCompleted());
    System.out.printf(
        "database outage: %d incidents were retried through the API%n", incidentsRetried);
  }

  private int incidentsRetried;
  private final List<String> incidentMessages = new ArrayList<>();

  /** Retries every open incident through the API; returns how many were open. */
  private int retryIncidents(Api api) {
    RecordStream records = EngineRecords.snapshot(engine);
    Set<Long> resolved =
        StreamSupport.stream(records.incidentRecords().spliterator(), false)
            .filter(r -> r.getIntent() == IncidentIntent.RESOLVED)
            .map(Record::getKey)
            .collect(Collectors.toSet());
    List<Record<IncidentRecordValue>> open =
        StreamSupport.stream(records.incidentRecords().spliterator(), false)
            .filter(r -> r.getIntent() == IncidentIntent.CREATED && !resolved.contains(r.getKey()))
            .toList();
    for (Record<IncidentRecordValue> incident : open) {
      Api.Response retried =
          api.post(
              "/api/v1/incidents/" + incident.getKey() + "/retry",
              "{\"jobKey\":" + incident.getValue().getJobKey() + "}");
      assertThat(retried.status()).as(retried.raw()).isEqualTo(204);
      incidentsRetried++;
      incidentMessages.add(incident.getValue().getErrorMessage());
    }
    return open.size();
  }

  private static long indicators(JdbcTemplate jdbc, long client, String status) {
    return count(
        jdbc,
        "select count(*) from chat_indicators where client_id = ? and status = ?",
        client,
        status);
  }

  private static long count(JdbcTemplate jdbc, String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
