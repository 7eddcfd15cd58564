package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Spec §6: a manager records a payment from any user of the platform on the manual account. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ManualAccountTest {

  private static final Duration SETTLE = Duration.ofSeconds(10);

  @LocalServerPort int port;

  private Api api;
  private long offer;
  private long manualAccount;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    offer = fixtures.offer(fixtures.cashDesk(), "1500.00", "RUB", null);
    manualAccount = api.get("/api/v1/clients/manual-account").body().get("id").asLong();
  }

  @Test
  void manualAccountAlwaysExists() {
    Api.Response account = api.get("/api/v1/clients/manual-account");

    assertThat(account.status()).isEqualTo(200);
    assertThat(account.text("name")).isEqualTo("Manual account");
    assertThat(account.body().get("manualAccount").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/clients/" + manualAccount).body().get("manualAccount").asBoolean())
        .isTrue();
  }

  @Test
  void paymentFromAnyUserIsKeptOnTheManualAccountShowsItsPayerAndCompletesOnApproval(
      CapturedOutput output) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String name = "Ivan Payer " + tag;
    String email = "payer-" + tag + "@example.com";
    String phone = "+7999" + (1_000_000 + Math.abs(tag.hashCode() % 8_999_999));
    String userId = "tg-user-" + tag;

    Api.Response created =
        api.post(
            "/api/v1/manual-payments",
            """
        {"payer":{"name":"%s","email":"%s","phone":"%s","platformUserId":"%s"},"offerId":%d,
         "comment":"paid at the office"}"""
                .formatted(name, email, phone, userId, offer));

    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.text("id");
    assertThat(created.body().get("clientId").asLong()).isEqualTo(manualAccount);
    assertThat(created.text("source")).isEqualTo("MANAGER");
    JsonNode payer = api.get("/api/v1/orders/" + id).body().get("payer");
    assertThat(payer.get("name").asText()).isEqualTo(name);
    assertThat(payer.get("email").asText()).isEqualTo(email);
    assertThat(payer.get("phone").asText()).isEqualTo(phone);
    assertThat(payer.get("platformUserId").asText()).isEqualTo(userId);

    assertThat(api.post("/api/v1/orders/" + id + "/approve", "{}").status()).isEqualTo(202);
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.get("/api/v1/orders/" + id).text("status").equals("COMPLETED"));
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () ->
                assertThat(
                        api.get("/api/v1/clients/" + manualAccount + "/orders")
                            .body()
                            .get("orders"))
                    .anySatisfy(
                        line -> {
                          assertThat(line.get("orderId").asText()).isEqualTo(id);
                          assertThat(line.get("status").asText()).isEqualTo("COMPLETED");
                        }));

    long instance = api.get("/api/v1/orders/" + id).body().get("processInstanceKey").asLong();
    List<String> variables = EngineRecords.variables(SharedEngine.get(), instance);
    assertThat(variables)
        .as("the instance's variables were read")
        .anyMatch(v -> v.startsWith("orderId="));
    for (String personal : List.of(name, email, phone, userId, tag)) {
      assertThat(variables).as("process variables").noneMatch(v -> v.contains(personal));
      assertThat(output.getAll()).as("logs").doesNotContain(personal);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      both a client and a payer     | "clientId":{client},"payer":{"name":"Ivan"}                 | payer
      neither a client nor a payer  | "email":"a@b.ru","phone":"+79001234567"                     | clientId
      the manual account as client  | "clientId":{manual},"email":"a@b.ru","phone":"+79001234567" | clientId
      a payer without a name        | "payer":{"email":"a@b.ru"}                                  | payer.name
      a payer's name too long       | "payer":{"name":"{long}"}                                   | payer.name
      a payer's bad email           | "payer":{"name":"Ivan","email":"not-an-email"}              | payer.email
      a payer's bad phone           | "payer":{"name":"Ivan","phone":"8 900 123"}                 | payer.phone
      an empty platform user id     | "payer":{"name":"Ivan","platformUserId":""}                 | payer.platformUserId
      a platform user id too long   | "payer":{"name":"Ivan","platformUserId":"{userId}"}         | payer.platformUserId
      contacts beside the payer     | "payer":{"name":"Ivan"},"email":"a@b.ru"                    | email
      """)
  void badPayerIsRefusedNamingTheFieldAndChangesNothing(String what, String fields, String field) {
    long client = new Fixtures(api).client();
    int before = manualAccountOrders().size();
    String body =
        "{"
            + fields
                .replace("{client}", Long.toString(client))
                .replace("{manual}", Long.toString(manualAccount))
                .replace("{long}", "n".repeat(201))
                .replace("{userId}", "u".repeat(101))
            + ",\"offerId\":"
            + offer
            + "}";

    Api.Response refused = api.post("/api/v1/manual-payments", body);

    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(manualAccountOrders()).hasSize(before);
  }

  /** Every order of the manual account, on every page: a wrong extra order shows however many. */
  private List<JsonNode> manualAccountOrders() {
    return api.everyItem("/api/v1/orders?clientId=" + manualAccount, "orders");
  }
}
