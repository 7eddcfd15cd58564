package com.chatcommerce.manualpayments.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements;
import com.chatcommerce.manualpayments.support.CashDeskApiTest;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.chatcommerce.manualpayments.support.SharedPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat worker delivers each status change to the platform's webhook (WireMock), through the
 * real workers and engine. Each test names its offer, and stubs the platform's answer to that
 * offer's events.
 */
@IntegrationTest
class PlatformDeliveryTest extends CashDeskApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired ChatIndicatorService indicators;
  @Autowired TransactionTemplate transaction;

  private final WireMockServer platform = SharedPlatform.get();

  @Test
  void eachStatusChangeReachesThePlatformSignedWithTheOrdersInformation() throws Exception {
    String offerName = "Signed course";
    String id = submit(offer(offerName));
    LoggedRequest open =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> delivered(offerName), r -> r.size() == 1)
            .getFirst();
    assertSigned(open);
    JsonNode event = JSON.readTree(open.getBodyAsString());
    assertThat(open.getHeader("webhook-id")).isEqualTo("order_" + id + "_open");
    assertThat(event.get("type").asText()).isEqualTo("order.status_changed");
    assertThat(event.get("orderId").asText()).isEqualTo(id);
    assertThat(event.get("status").asText()).isEqualTo("OPEN");
    assertThat(event.get("statusShownAs").asText()).isEqualTo("Открыто");
    assertThat(event.get("previousStatus").isNull()).isTrue();
    assertThat(event.get("clientId").asLong()).isEqualTo(client);
    assertThat(event.get("amount"))
        .isEqualTo(JSON.readTree("{\"amount\":\"1500.00\",\"currency\":\"RUB\"}"));
    assertThat(event.get("fee"))
        .isEqualTo(JSON.readTree("{\"amount\":\"47.50\",\"currency\":\"RUB\"}"));
    assertThat(event.get("net"))
        .isEqualTo(JSON.readTree("{\"amount\":\"1452.50\",\"currency\":\"RUB\"}"));
    String paymentDate = api.get("/api/v1/orders/" + id).text("paymentDate");
    assertThat(event.get("paymentDate").asText()).isEqualTo(paymentDate);
    assertThat(event.get("decidedBy").isNull()).isTrue();
    assertThat(event.get("channel").asText()).isEqualTo("api");
    assertThat(event.get("audience").asText()).isEqualTo("staff");
    assertThat(event.get("indicatorText").asText()).contains(offerName, "1500.00 RUB", "Открыто");

    assertThat(
            api.post(
                    "/api/v1/orders/" + id + "/approve",
                    "{\"amount\":{\"amount\":\"1400.00\",\"currency\":\"RUB\"}}")
                .status())
        .isEqualTo(202);
    LoggedRequest approved =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> delivered(offerName), r -> r.size() == 2)
            .get(1);
    assertSigned(approved);
    event = JSON.readTree(approved.getBodyAsString());
    assertThat(approved.getHeader("webhook-id")).isEqualTo("order_" + id + "_approved");
    assertThat(event.get("status").asText()).isEqualTo("APPROVED");
    assertThat(event.get("statusShownAs").asText()).isEqualTo("Разрешен");
    assertThat(event.get("previousStatus").asText()).isEqualTo("OPEN");
    assertThat(event.get("decidedBy").asText()).isEqualTo("manager");
    assertThat(event.get("channel").asText()).isEqualTo("api");
    assertThat(event.get("amount").get("amount").asText()).isEqualTo("1400.00");
    assertThat(event.get("fee").get("amount").asText()).isEqualTo("45.00");
    assertThat(event.get("indicatorText").asText())
        .contains(
            offerName,
            "1400.00 RUB",
            "Разрешен",
            "decided by manager",
            "payment date " + paymentDate);
    JsonNode indicators = api.get("/api/v1/clients/" + client + "/chat-indicators").body();
    assertThat(indicators.findValuesAsText("audience")).containsOnly("staff");
    assertThat(indicators.findValuesAsText("text")).contains(event.get("indicatorText").asText());
  }

  @Test
  void aDeliveryThePlatformFailedWith500IsRedeliveredUnderTheSameIdAndTheIndicatorIsWrittenOnce()
      throws Exception {
    String offerName = "Flaky platform course";
    platform.stubFor(
        post(urlEqualTo(SharedPlatform.PATH))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.offerName", equalTo(offerName)))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("recovered")
            .willReturn(aResponse().withStatus(500).withBody("try later")));
    String id = submit(offer(offerName));

    List<LoggedRequest> attempts =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> delivered(offerName), r -> r.size() == 2);
    assertThat(attempts)
        .extracting(r -> r.getHeader("webhook-id"))
        .containsOnly("order_" + id + "_open");
    assertThat(attempts)
        .extracting(LoggedRequest::getBodyAsString)
        .containsOnly(attempts.getFirst().getBodyAsString());
    attempts.forEach(PlatformDeliveryTest::assertSigned);
    await().atMost(Duration.ofSeconds(20)).until(() -> openIndicatorJobCompleted(id));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from chat_indicators where order_id = ?", Integer.class, id))
        .isEqualTo(1);
    assertThat(delivered(offerName)).hasSize(2);
  }

  @Test
  void aDeliveryThePlatformRefusedWith400BecomesAnIncidentWithTheStatusAndTheBody()
      throws Exception {
    String offerName = "Refused by platform course";
    platform.stubFor(
        post(urlEqualTo(SharedPlatform.PATH))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.offerName", equalTo(offerName)))
            .willReturn(
                aResponse().withStatus(400).withBody("{\"title\":\"no chat with this client\"}")));
    String id = submit(offer(offerName));
    long instance =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    jdbc.queryForObject(
                        "select process_instance_key from orders where id = ?", Long.class, id),
                key -> key != null);

    IncidentRecordValue incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> incident(instance), Optional::isPresent)
            .orElseThrow();
    assertThat(incident.getElementId()).isEqualTo(Elements.POST_OPEN_INDICATOR);
    assertThat(incident.getErrorMessage())
        .contains("400", "{\"title\":\"no chat with this client\"}");
    assertThat(delivered(offerName)).as("no retry repeats a refusal").hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from chat_indicators where order_id = ?", Integer.class, id))
        .isEqualTo(1);
  }

  @Test
  void theTimersRejectionAndTheReminderBeforeItReachThePlatformAsTimeout() throws Exception {
    String offerName = "One-hour course";
    String id = submit(offer(offerName, "PT1H"));
    await().atMost(Duration.ofSeconds(20)).until(() -> delivered(offerName), r -> r.size() == 1);

    // Halfway through a one-hour window comes the reminder, then the deadline.
    SharedEngine.get().increaseTime(Duration.ofMinutes(45));
    await().atMost(Duration.ofSeconds(20)).until(() -> delivered(offerName), r -> r.size() == 2);
    SharedEngine.get().increaseTime(Duration.ofMinutes(16));

    List<LoggedRequest> events =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> delivered(offerName), r -> r.size() == 3);
    events.forEach(PlatformDeliveryTest::assertSigned);
    JsonNode reminder = JSON.readTree(events.get(1).getBodyAsString());
    assertThat(events.get(1).getHeader("webhook-id")).isEqualTo("order_" + id + "_reminder");
    assertThat(reminder.get("type").asText()).isEqualTo("order.review_reminder");
    assertThat(reminder.get("status").asText()).isEqualTo("OPEN");
    assertThat(reminder.get("reviewDeadline").asText()).isNotBlank();
    assertThat(reminder.get("indicatorText").asText())
        .contains(offerName, "rejected automatically");
    JsonNode rejected = JSON.readTree(events.get(2).getBodyAsString());
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("statusShownAs").asText()).isEqualTo("Отклонен");
    assertThat(rejected.get("previousStatus").asText()).isEqualTo("OPEN");
    assertThat(rejected.get("reason").asText()).isEqualTo("TIMEOUT");
    assertThat(rejected.get("channel").asText()).isEqualTo("timer");
    assertThat(rejected.get("indicatorText").asText()).contains("Отклонен", "decided by timeout");
  }

  @Test
  void anIndicatorPostedBeforeEventsWereKeptGetsItsEventWhenItsJobRunsAgainAndKeepsItsText() {
    String offerName = "Upgraded course";
    String id = submit(offer(offerName));
    await().atMost(Duration.ofSeconds(20)).until(() -> delivered(offerName), r -> r.size() == 1);
    String text =
        jdbc.queryForObject(
            "select text from chat_indicators where order_id = ?", String.class, id);
    transaction.executeWithoutResult(
        t ->
            jdbc.update(
                "update chat_indicators set event_body = null, text = 'as an older version wrote it' where order_id = ?",
                id));

    ChatIndicator again = indicators.post(id, client, OrderStatus.OPEN);

    assertThat(again.text()).isEqualTo("as an older version wrote it");
    assertThat(again.eventBody())
        .contains("\"indicatorText\":\"as an older version wrote it\"", offerName);
    assertThat(
            jdbc.queryForObject(
                "select event_body from chat_indicators where order_id = ?", String.class, id))
        .isEqualTo(again.eventBody());
    assertThat(text).contains(offerName);
  }

  private long offer(String name) {
    return offer(name, "P30D");
  }

  private long offer(String name, String confirmationWindow) {
    return fixtures.offer(name, paymentSystem, "1500.00", "RUB", confirmationWindow);
  }

  private String submit(long offer) {
    return fixtures.submit(client, offer, null);
  }

  private List<LoggedRequest> delivered(String offerName) {
    return platform.findAll(
        postRequestedFor(urlEqualTo(SharedPlatform.PATH))
            .withRequestBody(matchingJsonPath("$.offerName", equalTo(offerName))));
  }

  /** What a platform's Standard Webhooks library checks. */
  private static void assertSigned(LoggedRequest request) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SharedPlatform.KEY, "HmacSHA256"));
      String signed =
          request.getHeader("webhook-id")
              + "."
              + request.getHeader("webhook-timestamp")
              + "."
              + request.getBodyAsString();
      assertThat(request.getHeader("webhook-signature"))
          .isEqualTo(
              "v1,"
                  + Base64.getEncoder()
                      .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The OPEN indicator's job was completed, after its redelivery. */
  private boolean openIndicatorJobCompleted(String id) {
    Long instance =
        jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    return EngineRecords.<JobRecordValue>of(SharedEngine.get(), ValueType.JOB)
        .anyMatch(
            r ->
                r.getIntent() == JobIntent.COMPLETED
                    && r.getValue().getProcessInstanceKey() == instance
                    && r.getValue().getElementId().equals(Elements.POST_OPEN_INDICATOR));
  }

  private static Optional<IncidentRecordValue> incident(long instance) {
    return EngineRecords.<IncidentRecordValue>of(SharedEngine.get(), ValueType.INCIDENT)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == instance)
        .findFirst();
  }
}
