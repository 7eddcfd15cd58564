package com.chatcommerce.manualpayments.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Decisions;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda's own tooling checks the project's artifacts, through {@code tooling/check.sh}: bpmnlint
 * with the Camunda 8.8 compatibility rules, the form-js viewer that Tasklist embeds (in headless
 * Debian Chromium), bpmn-js, and docker-compose. A plain JUnit test: no Spring, no database. A
 * missing tool fails the test with the package to install; nothing is skipped.
 */
class CamundaArtifactsTest {

  /** What review-form-browser-test.mjs enters as the manager. */
  private static final String ENTERED_AMOUNT = "1400.50";
  private static final String ENTERED_CURRENCY = "USD";
  private static final String PICKED_PAYMENT_DATE = "2026-11-20";
  private static final String ENTERED_COMMENT =
      "Client paid 1400.50 USD by card-to-card; checked against the bank statement.";

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
  void reviewFormSubmitsTheVariablesTheGatewayAndWorkersRead() throws IOException {
    Result run = reviewFormRun();
    JsonNode submitted = JSON.readTree(line(run, "SUBMITTED "));
    String context = "submitted " + submitted + "\n" + run.output();

    assertThat(submitted.path(Variables.DECISION).isTextual()).as(context).isTrue();
    assertThat(submitted.path(Variables.DECISION).asText()).as(context).isEqualTo(Decisions.APPROVE);
    // The workers read the amount as a decimal string: a JSON number would be a test failure.
    assertThat(submitted.path(Variables.AMOUNT).isTextual()).as(context).isTrue();
    assertThat(submitted.path(Variables.AMOUNT).asText()).as(context).isEqualTo(ENTERED_AMOUNT);
    assertThat(submitted.path(Variables.CURRENCY).isTextual()).as(context).isTrue();
    assertThat(submitted.path(Variables.CURRENCY).asText()).as(context).isEqualTo(ENTERED_CURRENCY);
    assertThat(submitted.path(Variables.PAYMENT_DATE).isTextual()).as(context).isTrue();
    assertThat(submitted.path(Variables.PAYMENT_DATE).asText())
        .as(context)
        .matches("\\d{4}-\\d{2}-\\d{2}")
        .isEqualTo(PICKED_PAYMENT_DATE);
    assertThat(submitted.path(Variables.COMMENT).isTextual()).as(context).isTrue();
    assertThat(submitted.path(Variables.COMMENT).asText()).as(context).isEqualTo(ENTERED_COMMENT);
  }

  @Test
  void reviewFormBlocksAnEmptyDecisionAndANegativeAmount() throws IOException {
    Result run = reviewFormRun();
    JsonNode emptyDecision = JSON.readTree(line(run, "ERRORS_EMPTY_DECISION "));
    JsonNode negativeAmount = JSON.readTree(line(run, "ERRORS_NEGATIVE_AMOUNT "));

    assertThat(fieldNames(emptyDecision)).as(run.output()).containsExactly(Variables.DECISION);
    assertThat(emptyDecision.path(Variables.DECISION).isArray()).as(run.output()).isTrue();
    assertThat(emptyDecision.path(Variables.DECISION)).as(run.output()).isNotEmpty();

    assertThat(fieldNames(negativeAmount)).as(run.output()).containsExactly(Variables.AMOUNT);
    assertThat(negativeAmount.path(Variables.AMOUNT).isArray()).as(run.output()).isTrue();
    assertThat(negativeAmount.path(Variables.AMOUNT)).as(run.output()).isNotEmpty();
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

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
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
