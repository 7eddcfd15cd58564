package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.CashDeskApiTest;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SentInstanceTags;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole product over HTTP: the API, the workers, MariaDB and the in-memory engine. */
@IntegrationTest
class ManualPaymentApiTest extends CashDeskApiTest {

  private static final Duration SETTLE = Duration.ofSeconds(10);

  @Autowired SentInstanceTags sentTags;

  private long offer;

  @BeforeEach
  void setUp() {
    offer = fixtures.offer(paymentSystem, "1500.00", "RUB", null);
  }

  @Test
  void submissionIsFoundAtOnceAsOpenWithFeeNetAndDeadline() {
    Api.Response created =
        api.post(
            "/api/v1/orders",
            """
        {"clientId":%d,"offerId":%d,"paymentDate":"2026-11-20","comment":"cash"}"""
                .formatted(client, offer));
    assertThat(created.status()).isEqualTo(201);

    JsonNode order = api.get("/api/v1/orders/" + created.text("id")).body();
    assertThat(order.get("status").asText()).isEqualTo("OPEN");
    assertThat(order.get("statusShownAs").asText()).isEqualTo("Открыто");
    assertThat(order.get("source").asText()).isEqualTo("CLIENT");
    assertThat(order.get("amount").get("amount").asText()).isEqualTo("1500.00");
    // 1500.00 × 2.5 % + 10.00 = 47.50; net = 1452.50, both in RUB.
    assertThat(order.get("fee").get("amount").asText()).isEqualTo("47.50");
    assertThat(order.get("net").get("amount").asText()).isEqualTo("1452.50");
    assertThat(order.get("paymentDate").asText()).isEqualTo("2026-11-20");
    assertThat(
            Duration.between(
                java.time.Instant.parse(order.get("submittedAt").asText()),
                java.time.Instant.parse(order.get("reviewDeadline").asText())))
        .isEqualTo(Duration.ofDays(30));
    assertThat(order.get("history").get(0).get("event").asText()).isEqualTo("SUBMITTED");
  }

  @Test
  void paymentInstanceIsCreatedWithTheOrderAsItsTagSoThatAnalystsFindItInOperate() {
    String id = fixtures.submit(client, offer, null);

    assertThat(sentTags.sent()).contains(List.of("order:" + id));
  }

  @Test
  void approvalWithCorrectionsRepricesTheOrderAndRecordsEachChange() {
    String id = fixtures.submit(client, offer, "paid in cash");
    awaitIndicators(1);

    long decidedAt = System.nanoTime();
    Api.Response accepted =
        api.post(
            "/api/v1/orders/" + id + "/approve",
            """
        {"amount":{"amount":"1400.00","currency":"RUB"},"paymentDate":"2026-11-25","comment":"100 short, agreed"}""");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.text("pendingAction")).isEqualTo("APPROVE");
    JsonNode order = awaitStatus(id, "APPROVED");
    System.out.printf(
        "decision to APPROVED visible after %d ms%n", (System.nanoTime() - decidedAt) / 1_000_000);

    assertThat(order.get("amount").get("amount").asText()).isEqualTo("1400.00");
    assertThat(order.get("submitted").get("amount").asText()).isEqualTo("1500.00");
    assertThat(order.get("fee").get("amount").asText()).isEqualTo("45.00");
    assertThat(order.get("net").get("amount").asText()).isEqualTo("1355.00");
    assertThat(order.get("paymentDate").asText()).isEqualTo("2026-11-25");
    assertThat(order.get("comment").asText())
        .as("the client's comment stays")
        .isEqualTo("paid in cash");
    assertThat(order.get("managerComment").asText()).isEqualTo("100 short, agreed");
    assertThat(order.has("pendingAction")).isFalse();
    assertThat(events(order))
        .containsExactly(
            "SUBMITTED:status", "CORRECTED:amount", "CORRECTED:paymentDate", "APPROVED:status");
    JsonNode approval = order.get("history").get(3);
    assertThat(approval.get("channel").asText()).isEqualTo("api");
    assertThat(approval.get("from").asText()).isEqualTo("OPEN");
    assertThat(approval.get("comment").asText()).isEqualTo("100 short, agreed");

    JsonNode indicators = awaitIndicators(2);
    assertThat(indicators.get(1).get("status").asText()).isEqualTo("APPROVED");
    assertThat(indicators.get(1).get("text").asText()).contains("Разрешен", "1400.00 RUB");
    assertThat(api.get("/api/v1/orders/export.csv?clientId=" + client).raw())
        .as("the export shows both comments")
        .contains(",paid in cash,\"100 short, agreed\"\r\n");
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              JsonNode crm = api.get("/api/v1/clients/" + client + "/orders").body().get("orders");
              assertThat(crm).hasSize(1);
              assertThat(crm.get(0).get("status").asText()).isEqualTo("APPROVED");
              assertThat(crm.get(0).get("amount").get("amount").asText()).isEqualTo("1400.00");
            });
  }

  @Test
  void rejectionRejectsWithTheManagerAsReason() {
    String id = fixtures.submit(client, offer, null);

    assertThat(
            api.post("/api/v1/orders/" + id + "/reject", "{\"comment\":\"no money arrived\"}")
                .status())
        .isEqualTo(202);

    JsonNode order = awaitStatus(id, "REJECTED");
    assertThat(order.get("statusShownAs").asText()).isEqualTo("Отклонен");
    assertThat(order.get("rejectionReason").asText()).isEqualTo("MANAGER");
    assertThat(awaitIndicators(2).get(1).get("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void paymentAddedByAManagerIsCompletedOnApproval() {
    Api.Response created =
        api.post(
            "/api/v1/manual-payments",
            """
        {"clientId":%d,"offerId":%d,"email":"anna@example.com","phone":"+79001234567",
         "comment":"paid at the office"}"""
                .formatted(client, offer));
    assertThat(created.status()).isEqualTo(201);
    String id = created.text("id");
    assertThat(created.text("source")).isEqualTo("MANAGER");
    assertThat(created.text("email")).isEqualTo("anna@example.com");

    api.post("/api/v1/orders/" + id + "/approve", null);

    JsonNode order = awaitStatus(id, "COMPLETED");
    assertThat(order.get("statusShownAs").asText()).isEqualTo("Завершен");
    assertThat(events(order)).containsExactly("SUBMITTED:status", "COMPLETED:status");
    assertThat(
            EngineRecords.variables(SharedEngine.get(), order.get("processInstanceKey").asLong()))
        .as("personal data stays out of the engine")
        .isNotEmpty()
        .noneMatch(v -> v.contains("anna@example.com") || v.contains("+79001234567"));
  }

  @Test
  void refundOfAnApprovedPaymentEndsRefundedAndASecondRefundConflicts() {
    String id = fixtures.submit(client, offer, null);
    api.post("/api/v1/orders/" + id + "/approve", null);
    awaitStatus(id, "APPROVED");

    assertThat(
            api.post(
                    "/api/v1/orders/" + id + "/refund",
                    "{\"comment\":\"client returned the course\"}")
                .status())
        .isEqualTo(202);
    Api.Response second = api.post("/api/v1/orders/" + id + "/refund", null);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.contentType()).startsWith("application/problem+json");

    JsonNode order = awaitStatus(id, "REFUNDED");
    assertThat(events(order))
        .containsExactly("SUBMITTED:status", "APPROVED:status", "REFUNDED:status");
    assertThat(refundInstanceVariables(id))
        .as("the refund's instance links to the payment's")
        .contains("paymentProcessInstanceKey=" + order.get("processInstanceKey").asLong());
    JsonNode indicators = awaitIndicators(3);
    assertThat(indicators.get(2).get("status").asText()).isEqualTo("REFUNDED");
  }

  @Test
  void decisionOnAnOrderThatIsNotOpenConflictsAndChangesNothing() {
    String id = fixtures.submit(client, offer, null);
    api.post("/api/v1/orders/" + id + "/reject", null);
    JsonNode before = awaitStatus(id, "REJECTED");

    Api.Response approve =
        api.post("/api/v1/orders/" + id + "/approve", "{\"comment\":\"too late\"}");
    Api.Response refund = api.post("/api/v1/orders/" + id + "/refund", null);

    assertThat(approve.status()).isEqualTo(409);
    assertThat(approve.text("detail")).contains("REJECTED");
    assertThat(refund.status()).isEqualTo(409);
    assertThat(api.get("/api/v1/orders/" + id).body()).isEqualTo(before);
  }

  @Test
  void secondDecisionAfterTheFirstWasAcceptedConflicts() {
    String id = fixtures.submit(client, offer, null);

    Api.Response first = api.post("/api/v1/orders/" + id + "/approve", null);
    Api.Response second = api.post("/api/v1/orders/" + id + "/reject", null);

    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(409);
    JsonNode order = awaitStatus(id, "APPROVED");
    assertThat(events(order)).containsExactly("SUBMITTED:status", "APPROVED:status");
  }

  @Test
  void priceInAnUnsupportedCurrencyIsConvertedToTheTransactionCurrencyAtTheStoredRate() {
    long euroOffer = fixtures.offer(paymentSystem, "20.00", "EUR", null);
    Api.Response missing =
        api.post("/api/v1/orders", "{\"clientId\":" + client + ",\"offerId\":" + euroOffer + "}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.text("detail")).contains("EUR", "RUB");
    assertThat(api.get("/api/v1/orders?clientId=" + client).body().get("orders")).isEmpty();

    assertThat(api.put("/api/v1/exchange-rates/EUR/RUB", "{\"rate\":\"98.7654\"}").status())
        .isEqualTo(200);
    String id = fixtures.submit(client, euroOffer, null);

    JsonNode order = api.get("/api/v1/orders/" + id).body();
    // 20.00 EUR × 98.7654 = 1975.308 RUB, rounded half-even once: 1975.31.
    assertThat(order.get("amount").toString())
        .isEqualTo("{\"amount\":\"1975.31\",\"currency\":\"RUB\"}");
    // 1975.31 × 2.5 % + 10.00 = 59.38275 → 59.38; net = 1975.31 − 59.38275 = 1915.92725 → 1915.93.
    assertThat(order.get("fee").get("amount").asText()).isEqualTo("59.38");
    assertThat(order.get("net").get("amount").asText()).isEqualTo("1915.93");
  }

  @Test
  void reviewStaysOpenOneSecondBeforeTheDeadlineAndIsRejectedByTheTimerAfterIt() {
    long hourOffer = fixtures.offer(paymentSystem, "700.00", "RUB", "PT1H");
    String id = fixtures.submit(client, hourOffer, null);
    awaitIndicators(1);
    engineIdle();

    // Measured from the deadline, not from the submission: the OPEN steps (the platform's webhook
    // among them) take their own time before the clock is moved.
    Instant deadline = Instant.parse(api.get("/api/v1/orders/" + id).text("reviewDeadline"));
    Instant engineNow =
        com.chatcommerce.manualpayments.support.SharedEngine.get().clock(ZoneOffset.UTC).instant();
    com.chatcommerce.manualpayments.support.SharedEngine.get()
        .increaseTime(Duration.between(engineNow, deadline).minusSeconds(1));
    engineIdle();
    assertThat(api.get("/api/v1/orders/" + id).body().get("status").asText()).isEqualTo("OPEN");
    // A one-hour window is shorter than the three days' notice: the reminder came halfway.
    JsonNode reminder = awaitIndicators(2).get(1);
    assertThat(reminder.get("status").asText()).isEqualTo("REMINDER");
    assertThat(reminder.get("text").asText()).contains("rejected automatically");

    com.chatcommerce.manualpayments.support.SharedEngine.get().increaseTime(Duration.ofSeconds(2));
    JsonNode order = awaitStatus(id, "REJECTED");
    assertThat(order.get("rejectionReason").asText()).isEqualTo("TIMEOUT");
    JsonNode rejection = order.get("history").get(1);
    assertThat(rejection.get("channel").asText()).isEqualTo("timer");
    assertThat(rejection.get("actor").asText()).isEqualTo("timer");
    assertThat(awaitIndicators(3).get(2).get("status").asText()).isEqualTo("REJECTED");
    assertThat(api.post("/api/v1/orders/" + id + "/approve", null).status()).isEqualTo(409);
  }

  @Test
  void ordersArePagedNewestFirstWithAnOpaqueCursor() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(fixtures.submit(client, offer, "order " + i));
    }

    JsonNode first = api.get("/api/v1/orders?clientId=" + client + "&status=OPEN&limit=2").body();
    assertThat(first.get("orders")).hasSize(2);
    String cursor = first.get("nextCursor").asText();
    JsonNode second =
        api.get("/api/v1/orders?clientId=" + client + "&status=OPEN&limit=2&cursor=" + cursor)
            .body();

    List<String> seen = new ArrayList<>();
    first.get("orders").forEach(o -> seen.add(o.get("id").asText()));
    second.get("orders").forEach(o -> seen.add(o.get("id").asText()));
    assertThat(seen).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(second.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void manualPaymentFilterListsOnlyOffersOfManualPaymentSystems() {
    long integrated = fixtures.cardAcquiring();
    long cardOffer = fixtures.offer(integrated, "100.00", "RUB", null);

    List<Long> manualIds =
        api.everyItem("/api/v1/offers?manualPayment=true", "offers").stream()
            .map(o -> o.get("id").asLong())
            .toList();
    assertThat(manualIds).contains(offer).doesNotContain(cardOffer);

    Api.Response refused =
        api.post("/api/v1/orders", "{\"clientId\":" + client + ",\"offerId\":" + cardOffer + "}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("offerId");
  }

  @Test
  void healthReportsTheDatabaseAndTheEngine() {
    JsonNode health = api.get("/actuator/health").body();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").get("camundaClient").get("status").asText())
        .isEqualTo("UP");
  }

  private JsonNode awaitStatus(String id, String status) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.get("/api/v1/orders/" + id).body().get("status").asText().equals(status));
    return api.get("/api/v1/orders/" + id).body();
  }

  private JsonNode awaitIndicators(int count) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                api.get("/api/v1/clients/" + client + "/chat-indicators")
                        .body()
                        .get("indicators")
                        .size()
                    >= count);
    JsonNode indicators =
        api.get("/api/v1/clients/" + client + "/chat-indicators").body().get("indicators");
    assertThat(indicators).hasSize(count);
    return indicators;
  }

  /** The variables of the refund instance of the order, as name=value. */
  private static List<String> refundInstanceVariables(String orderId) {
    List<Record<VariableRecordValue>> refunds =
        EngineRecords.<VariableRecordValue>of(SharedEngine.get(), ValueType.VARIABLE)
            .filter(
                r -> r.getValue().getBpmnProcessId().equals(ManualPaymentProcess.REFUND_PROCESS_ID))
            .toList();
    long instance =
        refunds.stream()
            .filter(
                r ->
                    r.getValue().getName().equals("orderId")
                        && r.getValue().getValue().equals(Api.q(orderId)))
            .findFirst()
            .orElseThrow()
            .getValue()
            .getProcessInstanceKey();
    return refunds.stream()
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .map(r -> r.getValue().getName() + "=" + r.getValue().getValue())
        .toList();
  }

  private static void engineIdle() {
    com.chatcommerce.manualpayments.support.SharedEngine.get().idle();
  }

  private static List<String> events(JsonNode order) {
    List<String> events = new ArrayList<>();
    order
        .get("history")
        .forEach(h -> events.add(h.get("event").asText() + ":" + h.get("field").asText()));
    return events;
  }
}
