package com.chatcommerce.manualpayments;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The jar that would ship, after {@code package}. It holds no engine (the Zeebe engine's licence
 * allows no production use), and it starts the way docs/operations.md and the Dockerfile start it.
 */
class ProductionJarIT {

  private static final Duration STARTUP = Duration.ofMinutes(3);

  /**
   * What the child process may inherit: never DATABASE_URL, CAMUNDA_* or SPRING_* of this shell.
   */
  private static final Set<String> PASSED_ENVIRONMENT =
      Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

  @Test
  void productionJarCarriesNoEngineAndNoTestOnlyLibraries() throws IOException {
    try (JarFile jar = new JarFile(productionJar().toFile())) {
      List<String> entries = jar.stream().map(e -> e.getName()).toList();

      assertThat(entries)
          .as("the application and its models are in the jar")
          .contains(
              "BOOT-INF/classes/processes/manual-payment.bpmn",
              "BOOT-INF/classes/forms/manual-payment-review.form",
              "BOOT-INF/classes/com/chatcommerce/manualpayments/order/ApproveOrderWorker.class");
      assertThat(entries)
          .filteredOn(e -> e.startsWith("BOOT-INF/lib/camunda-client-java"))
          .isNotEmpty();
      assertThat(entries)
          .filteredOn(e -> e.startsWith("BOOT-INF/lib/"))
          .noneMatch(
              e ->
                  e.contains("zeebe-workflow-engine")
                      || e.contains("zeebe-process-test")
                      || e.contains("zeebe-db")
                      || e.contains("zeebe-stream-platform")
                      || e.contains("camunda-zeebe")
                      || e.contains("/h2-")
                      || e.contains("mariadb-java-client"));
      assertThat(entries).noneMatch(e -> e.contains("io/camunda/zeebe/engine/"));
      assertThat(entries).noneMatch(e -> e.contains("EmbeddedManualPaymentsApplication"));
      assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
          .isEqualTo(ManualPaymentsApplication.class.getName());
    }
  }

  /**
   * {@code java -jar} in production security mode (HTTP Basic users given on its environment, as
   * the compose stack gives them), on MariaDB through MySQL Connector/J, the production driver, and
   * on an in-memory engine reached over gRPC. The engine is the only stand-in: the jar cannot hold
   * it, and nothing else here can run a cluster. The tests' database is emptied first, so the jar's
   * own Flyway builds the schema through Connector/J.
   */
  @Test
  void productionJarStartsOnConnectorJAndTheEngineAndTakesAnOrder() throws Exception {
    TestDatabase database = TestDatabase.fromTestConfiguration();
    database.empty();
    String platformPassword = UUID.randomUUID().toString();
    String managerPassword = UUID.randomUUID().toString();
    int port = freePort();
    Path log = Path.of("target", "production-jar-it.log").toAbsolutePath();

    try (InMemoryEngine engine = InMemoryEngine.start()) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx384m",
                  "-jar",
                  productionJar().toAbsolutePath().toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> environment = builder.environment();
      environment.keySet().retainAll(PASSED_ENVIRONMENT);
      environment.putAll(
          Map.of(
              "SERVER_PORT", Integer.toString(port),
              "DATABASE_URL", database.connectorJUrl(),
              "DATABASE_USER", database.user(),
              "DATABASE_PASSWORD", database.password(),
              "CAMUNDA_GRPC_ADDRESS", engine.grpcAddress(),
              // The in-memory engine has no REST endpoint; a closed port makes any REST call fail
              // loudly.
              "CAMUNDA_REST_ADDRESS", "http://127.0.0.1:" + freePort(),
              "SECURITY_MODE", "basic"));
      environment.putAll(
          Map.of(
              "MANUAL_PAYMENTS_SECURITY_USERS_0_NAME", "platform",
              "MANUAL_PAYMENTS_SECURITY_USERS_0_PASSWORD", "{noop}" + platformPassword,
              "MANUAL_PAYMENTS_SECURITY_USERS_0_ROLE", "PLATFORM",
              "MANUAL_PAYMENTS_SECURITY_USERS_1_NAME", "manager",
              "MANUAL_PAYMENTS_SECURITY_USERS_1_PASSWORD", "{noop}" + managerPassword,
              "MANUAL_PAYMENTS_SECURITY_USERS_1_ROLE", "MANAGER"));
      Process app = builder.start();
      try {
        awaitHealthUp(app, port, log);

        assertThat(new Api(port, null, null).get("/api/v1/orders").status())
            .as("no credentials")
            .isEqualTo(401);
        assertThat(new Api(port, "manager", "manager-demo").get("/api/v1/orders").status())
            .as("the embedded demo users are not in the jar")
            .isEqualTo(401);

        Api manager = new Api(port, "manager", managerPassword);
        Api platform = new Api(port, "platform", platformPassword);
        Api.Response paymentSystem =
            manager.post(
                "/api/v1/payment-systems",
                """
            {"name": "Card-to-card", "commissionPercent": "2.5", "accountCurrency": "RUB",
             "transactionCurrency": "RUB", "supportedCurrencies": ["RUB"]}""");
        assertThat(paymentSystem.status()).as(paymentSystem.raw()).isEqualTo(201);
        Api.Response offer =
            manager.post(
                "/api/v1/offers",
                """
            {"name": "Yoga course", "price": {"amount": "1500.00", "currency": "RUB"}, "paymentSystemId": %s}"""
                    .formatted(paymentSystem.text("id")));
        assertThat(offer.status()).as(offer.raw()).isEqualTo(201);
        Api.Response client =
            manager.post(
                "/api/v1/clients",
                """
            {"name": "Anna Petrova", "email": "anna@example.com", "phone": "+79001234567"}""");
        assertThat(client.status()).as(client.raw()).isEqualTo(201);

        Api.Response submitted =
            platform.post(
                "/api/v1/orders",
                """
            {"offerId": %s, "clientId": %s, "comment": "paid from card *1234"}"""
                    .formatted(offer.text("id"), client.text("id")));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String orderId = submitted.text("id");

        Api.Response order = platform.get("/api/v1/orders/" + orderId);
        assertThat(order.status()).as(order.raw()).isEqualTo(200);
        assertThat(order.text("status")).as(order.raw()).isEqualTo("OPEN");
        awaitAJobOfTheOrdersInstanceCompleted(engine, orderId, log);
      } finally {
        stop(app);
      }
    }
  }

  /** The application's health includes the database and a topology request to the engine. */
  private static void awaitHealthUp(Process app, int port, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new AssertionError(
            "the jar exited with " + app.exitValue() + " while starting:\n" + tail(log));
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && response.body().startsWith("{\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notListeningYet) {
        last = notListeningYet.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the jar's health was not UP within " + STARTUP + " (last: " + last + "):\n" + tail(log));
  }

  /**
   * The order's process instance ran on the engine, and the jar's workers completed one of its
   * jobs.
   */
  private static void awaitAJobOfTheOrdersInstanceCompleted(
      InMemoryEngine engine, String orderId, Path log) throws InterruptedException {
    RecordStream records = RecordStream.of(engine.engine().getRecordStreamSource());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Long> instance =
          stream(records.variableRecords())
              .filter(r -> r.getValue().getBpmnProcessId().equals(ManualPaymentProcess.PROCESS_ID))
              .filter(r -> r.getValue().getName().equals(Variables.ORDER_ID))
              .filter(r -> r.getValue().getValue().equals("\"" + orderId + "\""))
              .map(r -> r.getValue().getProcessInstanceKey())
              .findFirst();
      if (instance.isPresent()
          && stream(records.jobRecords())
              .anyMatch(
                  r ->
                      r.getIntent() == JobIntent.COMPLETED
                          && r.getValue().getProcessInstanceKey() == instance.get())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no job of order " + orderId + "'s process instance was completed:\n" + tail(log));
  }

  private static <T> Stream<T> stream(Iterable<T> records) {
    return StreamSupport.stream(records.spliterator(), false);
  }

  private static void stop(Process app) throws InterruptedException {
    app.destroy();
    if (!app.waitFor(30, TimeUnit.SECONDS)) {
      app.destroyForcibly();
      app.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ": " + e + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path productionJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("manual-payments-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no packaged jar in target/; run ./mvnw verify"));
    }
  }

  /**
   * The tests' own database, as {@code application-test.yaml} resolves it (TEST_DATABASE_URL or the
   * local manual_payments_test): the tests are done with it when failsafe runs this.
   */
  private record TestDatabase(String url, String user, String password) {

    static TestDatabase fromTestConfiguration() throws IOException {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader()
          .load("application-test", new ClassPathResource("application-test.yaml"))
          .forEach(environment.getPropertySources()::addLast);
      return new TestDatabase(
          environment.getRequiredProperty("spring.datasource.url"),
          environment.getRequiredProperty("spring.datasource.username"),
          environment.getRequiredProperty("spring.datasource.password"));
    }

    /** The same server and database through the production driver, MySQL Connector/J. */
    String connectorJUrl() {
      return url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
    }

    void empty() {
      Flyway.configure().dataSource(url, user, password).cleanDisabled(false).load().clean();
    }
  }
}
