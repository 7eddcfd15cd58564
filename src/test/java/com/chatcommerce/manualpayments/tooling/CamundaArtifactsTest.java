package com.chatcommerce.manualpayments.tooling;

import static com.chatcommerce.manualpayments.tooling.ToolingCheck.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.chatcommerce.manualpayments.order.SubmittedPayment;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.DecisionRoutes;
import com.chatcommerce.manualpayments.support.ReviewForm;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda's own tooling checks the project's artifacts, through {@code tooling/check.sh}: bpmnlint
 * with the Camunda 8.8 compatibility rules, the form-js viewer that Tasklist embeds (in headless
 * Debian Chromium), bpmn-js, and docker-compose. A plain JUnit test: no Spring, no database. A
 * missing tool fails the test with the package to install; nothing is skipped.
 */
class CamundaArtifactsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ToolingCheck.Result reviewFormRun;

  @BeforeAll
  static void installTheTooling() {
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
    ToolingCheck.Result run = reviewFormRun();
    for (Map.Entry<String, Map<String, Object>> scenario : ReviewForm.submissions().entrySet()) {
      JsonNode submitted = JSON.readTree(line(run, "SUBMITTED " + scenario.getKey() + " "));
      String context =
          "scenario " + scenario.getKey() + ": submitted " + submitted + "\n" + run.output();
      assertThat(JSON.convertValue(submitted, Map.class))
          .as(context)
          .isEqualTo(scenario.getValue());
      // The workers read amounts and dates as strings: a JSON number would round an amount.
      submitted
          .properties()
          .forEach(
              field ->
                  assertThat(field.getValue().isTextual() || field.getValue().isNull())
                      .as(context + " " + field.getKey())
                      .isTrue());
    }
  }

  /**
   * The approve and the reject scenarios, submitted in form-js, give the values the gateway routes.
   */
  @Test
  void reviewFormSubmitsInTheBrowserEachDecisionTheGatewayRoutesAndNoOther() throws IOException {
    ToolingCheck.Result run = reviewFormRun();
    Set<String> submitted = new HashSet<>();
    for (String scenario : ReviewForm.submissions().keySet()) {
      submitted.add(
          JSON.readTree(line(run, "SUBMITTED " + scenario + " "))
              .path(Variables.DECISION)
              .asText());
    }
    Set<String> routed =
        new HashSet<>(
            DecisionRoutes.of(
                Bpmn.readModelFromFile(
                    ToolingCheck.projectRoot().resolve("processes/manual-payment.bpmn").toFile())));
    assertThat(submitted).as(run.output()).isEqualTo(routed);
  }

  /** Tasklist's start form, filled in form-js: ids as whole numbers, an ISO date, text. */
  @Test
  void startFormSubmitsTheTypesTheFirstWorkerReads() throws IOException {
    ToolingCheck.Result run = reviewFormRun();
    JsonNode started = JSON.readTree(line(run, "START_SUBMITTED "));
    String context = started + "\n" + run.output();

    assertThat(started.path(Variables.CLIENT_ID).isIntegralNumber()).as(context).isTrue();
    assertThat(started.path(Variables.OFFER_ID).isIntegralNumber()).as(context).isTrue();
    assertThat(started.path(Variables.PAYMENT_DATE).isTextual()).as(context).isTrue();
    assertThat(LocalDate.parse(started.path(Variables.PAYMENT_DATE).asText()))
        .isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(started.path(Variables.COMMENT).isTextual()).as(context).isTrue();
    SubmittedPayment read =
        JSON.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .treeToValue(started, SubmittedPayment.class);
    assertThat(read)
        .isEqualTo(new SubmittedPayment(null, null, 7L, 3L, "2026-11-20", "paid at the office"));
  }

  @Test
  void reviewFormBlocksAMissingDecisionABadAmountAndAnAmountWithoutItsCurrency()
      throws IOException {
    ToolingCheck.Result run = reviewFormRun();
    assertThat(errorFields(run, "ERRORS_EMPTY_DECISION ")).containsExactly(Variables.DECISION);
    assertThat(errorFields(run, "ERRORS_NEGATIVE_AMOUNT "))
        .containsExactly(Variables.CORRECTED_AMOUNT);
    assertThat(errorFields(run, "ERRORS_AMOUNT_TOO_LARGE "))
        .containsExactly(Variables.CORRECTED_AMOUNT);
    assertThat(errorFields(run, "ERRORS_AMOUNT_WITHOUT_CURRENCY "))
        .containsExactly(Variables.CORRECTED_CURRENCY);
    JsonNode currencyShown = JSON.readTree(line(run, "CURRENCY_SHOWN "));
    assertThat(currencyShown.path("withoutAmount").asBoolean(true))
        .as("a currency can only be chosen together with an amount: " + run.output())
        .isFalse();
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

  /** One browser run serves both review-form tests. */
  private static synchronized ToolingCheck.Result reviewFormRun() {
    if (reviewFormRun == null) {
      reviewFormRun = check("review-form", Duration.ofMinutes(3));
    }
    return reviewFormRun;
  }

  /** The JSON after PREFIX on the last line that starts with it. */
  private static String line(ToolingCheck.Result run, String prefix) {
    String found = null;
    for (String line : run.output().split("\\R")) {
      if (line.startsWith(prefix)) {
        found = line.substring(prefix.length());
      }
    }
    if (found == null) {
      fail(
          "tooling/check.sh "
              + run.step()
              + " printed no line starting with '"
              + prefix.trim()
              + "':\n"
              + run.output());
    }
    return found;
  }

  /** The variables form-js reported errors on, each with at least one message. */
  private static List<String> errorFields(ToolingCheck.Result run, String prefix)
      throws IOException {
    JsonNode errors = JSON.readTree(line(run, prefix));
    List<String> names = new ArrayList<>();
    errors
        .properties()
        .forEach(
            field -> {
              assertThat(field.getValue().isArray() && !field.getValue().isEmpty())
                  .as(run.output())
                  .isTrue();
              names.add(field.getKey());
            });
    return names;
  }
}
