package com.chatcommerce.manualpayments.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.chatcommerce.manualpayments.order.RecordOpenOrderWorker;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.ReviewForm;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda's own tooling checks the project's artifacts, through {@code tooling/check.sh}: bpmnlint
 * with the Camunda 8.8 compatibility rules, the form-js viewer that Tasklist embeds (in headless
 * Debian Chromium), bpmn-js, and docker-compose. A plain JUnit test: no Spring, no database. A
 * missing tool fails the test with the package to install; nothing is skipped.
 */
class CamundaArtifactsTest {

  /** Variables passed to the tools: what they need to run, and nothing secret. */
  private static final Set<String> PASSED_ENVIRONMENT = Set.of(
      "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR",
      "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR", "CHROMIUM_PATH", "CI",
      "npm_config_registry", "NPM_CONFIG_REGISTRY", "npm_config_cache", "npm_config_userconfig",
      "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path projectRoot;
  private static Result reviewFormRun;

  @BeforeAll
  static void installTheTooling() {
    projectRoot = findProjectRoot();
    // npm ci, only when tooling/node_modules is missing or older than package-lock.json.
    check("install", Duration.ofMinutes(10));
  }

  @Test
  void everyBpmnPassesCamunda88LintRules() {
    check("lint", Duration.ofMinutes(2));
  }

  @Test
  void everyFormRendersInTheTasklistRendererWithoutErrors() {
    check("forms", Duration.ofMinutes(3));
  }

  @Test
  void reviewFormSubmitsExactlyWhatTheFixtureCompletesTheTaskWithOnTheEngine() throws IOException {
    Result run = reviewFormRun();
    for (Map.Entry<String, Map<String, Object>> scenario : ReviewForm.submissions().entrySet()) {
      JsonNode submitted = JSON.readTree(line(run, "SUBMITTED " + scenario.getKey() + " "));
      String context = "scenario " + scenario.getKey() + ": submitted " + submitted + "\n" + run.output();
      assertThat(JSON.convertValue(submitted, Map.class)).as(context).isEqualTo(scenario.getValue());
      // The workers read amounts and dates as strings: a JSON number would round an amount.
      submitted.properties().forEach(field ->
          assertThat(field.getValue().isTextual() || field.getValue().isNull()).as(context + " " + field.getKey()).isTrue());
    }
  }

  /** The approve and the reject scenarios, submitted in form-js, give the values the gateway routes. */
  @Test
  void reviewFormSubmitsInTheBrowserEachDecisionTheGatewayRoutesAndNoOther() throws IOException {
    Result run = reviewFormRun();
    Set<String> submitted = new HashSet<>();
    for (String scenario : ReviewForm.submissions().keySet()) {
      submitted.add(JSON.readTree(line(run, "SUBMITTED " + scenario + " ")).path(Variables.DECISION).asText());
    }
    ExclusiveGateway gateway = Bpmn.readModelFromFile(projectRoot.resolve("processes/manual-payment.bpmn").toFile())
        .getModelElementById(Elements.DECISION_GATEWAY);
    Set<String> routed = new HashSet<>();
    for (SequenceFlow flow : gateway.getOutgoing()) {
      Matcher value = Pattern.compile("\"([A-Z_]+)\"").matcher(flow.getConditionExpression().getTextContent());
      assertThat(value.find()).as(flow.getId()).isTrue();
      routed.add(value.group(1));
    }
    assertThat(submitted).as(run.output()).isEqualTo(routed);
  }

  /** Tasklist's start form, filled in form-js: ids as whole numbers, an ISO date, text. */
  @Test
  void startFormSubmitsTheTypesTheFirstWorkerReads() throws IOException {
    Result run = reviewFormRun();
    JsonNode started = JSON.readTree(line(run, "START_SUBMITTED "));
    String context = started + "\n" + run.output();

    assertThat(started.path(Variables.CLIENT_ID).isIntegralNumber()).as(context).isTrue();
    assertThat(started.path(Variables.OFFER_ID).isIntegralNumber()).as(context).isTrue();
    assertThat(started.path(Variables.PAYMENT_DATE).isTextual()).as(context).isTrue();
    assertThat(LocalDate.parse(started.path(Variables.PAYMENT_DATE).asText())).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(started.path(Variables.COMMENT).isTextual()).as(context).isTrue();
    RecordOpenOrderWorker.SubmittedPayment read = JSON.copy()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
        .treeToValue(started, RecordOpenOrderWorker.SubmittedPayment.class);
    assertThat(read).isEqualTo(new RecordOpenOrderWorker.SubmittedPayment(null, null, 7L, 3L, "2026-11-20",
        "paid at the office"));
  }

  @Test
  void reviewFormBlocksAMissingDecisionABadAmountAndAnAmountWithoutItsCurrency() throws IOException {
    Result run = reviewFormRun();
    assertThat(errorFields(run, "ERRORS_EMPTY_DECISION ")).containsExactly(Variables.DECISION);
    assertThat(errorFields(run, "ERRORS_NEGATIVE_AMOUNT ")).containsExactly(Variables.CORRECTED_AMOUNT);
    assertThat(errorFields(run, "ERRORS_AMOUNT_TOO_LARGE ")).containsExactly(Variables.CORRECTED_AMOUNT);
    assertThat(errorFields(run, "ERRORS_AMOUNT_WITHOUT_CURRENCY ")).containsExactly(Variables.CORRECTED_CURRENCY);
    JsonNode currencyShown = JSON.readTree(line(run, "CURRENCY_SHOWN "));
    assertThat(currencyShown.path("withoutAmount").asBoolean(true))
        .as("a currency can only be chosen together with an amount: " + run.output()).isFalse();
    assertThat(currencyShown.path("withAmount").asBoolean(false)).as(run.output()).isTrue();
  }

  @Test
  void processDiagramsRenderWithBpmnJs() {
    check("diagrams", Duration.ofMinutes(3));
  }

  @Test
  void composeFileIsValid() {
    check("compose", Duration.ofMinutes(1));
  }

  // --- running the tools -------------------------------------------------------------------------

  private record Result(String step, int exitCode, String output) {}

  /** One browser run serves both review-form tests. */
  private static synchronized Result reviewFormRun() {
    if (reviewFormRun == null) {
      reviewFormRun = check("review-form", Duration.ofMinutes(3));
    }
    return reviewFormRun;
  }

  /** Runs {@code bash tooling/check.sh STEP}; fails with the tool's output unless it exits 0. */
  private static Result check(String step, Duration timeout) {
    Result result = run(step, timeout);
    if (result.exitCode() != 0) {
      fail("tooling/check.sh " + step + " failed (exit " + result.exitCode() + "):\n" + result.output());
    }
    return result;
  }

  private static Result run(String step, Duration timeout) {
    Path log = null;
    Process process = null;
    try {
      log = Files.createTempFile("camunda-tooling-" + step + "-", ".log");
      ProcessBuilder builder = new ProcessBuilder("bash", "tooling/check.sh", step)
          .directory(projectRoot.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> environment = builder.environment();
      environment.keySet().retainAll(PASSED_ENVIRONMENT);
      process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        destroyTree(process);
        return new Result(step, -1, "timed out after " + timeout.toSeconds() + " s\n" + read(log));
      }
      return new Result(step, process.exitValue(), read(log));
    } catch (IOException e) {
      return new Result(step, -1, "could not run bash tooling/check.sh " + step + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        destroyTree(process);
      }
      return new Result(step, -1, "interrupted");
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a temporary file
        }
      }
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The JSON after PREFIX on the last line that starts with it. */
  private static String line(Result run, String prefix) {
    String found = null;
    for (String line : run.output().split("\\R")) {
      if (line.startsWith(prefix)) {
        found = line.substring(prefix.length());
      }
    }
    if (found == null) {
      fail("tooling/check.sh " + run.step() + " printed no line starting with '" + prefix.trim() + "':\n"
          + run.output());
    }
    return found;
  }

  /** The variables form-js reported errors on, each with at least one message. */
  private static List<String> errorFields(Result run, String prefix) throws IOException {
    JsonNode errors = JSON.readTree(line(run, prefix));
    List<String> names = new ArrayList<>();
    errors.properties().forEach(field -> {
      assertThat(field.getValue().isArray() && !field.getValue().isEmpty()).as(run.output()).isTrue();
      names.add(field.getKey());
    });
    return names;
  }

  private static Path findProjectRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve("tooling/check.sh"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no project root with tooling/check.sh above " + dir);
  }
}
