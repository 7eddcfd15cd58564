package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.CashDeskApiTest;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §6a: an order keeps the terms it was submitted under, whatever is edited afterwards. */
@IntegrationTest
class OrderTermsTest extends CashDeskApiTest {

  private static final Duration SETTLE = Duration.ofSeconds(10);

  /** {@link Fixtures#cashDesk()} at 10 % instead of 2.5 %. */
  private static final String CASH_DESK_AT_TEN_PERCENT =
      """
      {"name":"Cash desk","commissionPercent":"10","fixedFee":{"amount":"10.00","currency":"RUB"},
       "accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB","USD"]}""";

  private long offer;

  @BeforeEach
  void setUp() {
    offer = fixtures.offer(paymentSystem, "1500.00", "RUB", null);
  }

  @Test
  void correctionAfterTheCommissionChangedIsPricedUnderTheTermsTheOrderWasSubmittedUnder() {
    String id = fixtures.submit(client, offer, null);
    assertThat(
            api.put("/api/v1/payment-systems/" + paymentSystem, CASH_DESK_AT_TEN_PERCENT).status())
        .isEqualTo(200);

    assertThat(
            api.post(
                    "/api/v1/orders/" + id + "/approve",
                    """
        {"amount":{"amount":"1400.00","currency":"RUB"}}""")
                .status())
        .isEqualTo(202);

    JsonNode order = awaitStatus(id, "APPROVED");
    // 1400.00 × 2.5 % + 10.00 = 45.00, as submitted; the new 10 % would give 150.00.
    assertThat(order.get("fee").get("amount").asText()).isEqualTo("45.00");
    assertThat(order.get("net").get("amount").asText()).isEqualTo("1355.00");
    String next = fixtures.submit(client, offer, null);
    assertThat(api.get("/api/v1/orders/" + next).body().get("fee").get("amount").asText())
        .as("a new order takes the new terms: 1500.00 × 10 % + 10.00")
        .isEqualTo("160.00");
  }

  @Test
  void anOrderShowsItsTermsInTheFieldsItsPaymentSystemShowsThem() {
    JsonNode order = api.get("/api/v1/orders/" + fixtures.submit(client, offer, null)).body();
    JsonNode paymentSystem = api.get("/api/v1/payment-systems/" + this.paymentSystem).body();

    JsonNode terms = order.get("terms");
    assertThat(terms.get("commissionPercent").asText()).isEqualTo("2.5");
    assertThat(terms.get("fixedFee").toString())
        .isEqualTo("{\"amount\":\"10.00\",\"currency\":\"RUB\"}");
    assertThat(terms.get("supportedCurrencies").toString()).isEqualTo("[\"RUB\",\"USD\"]");
    for (String field :
        new String[] {
          "commissionPercent",
          "fixedFee",
          "accountCurrency",
          "transactionCurrency",
          "supportedCurrencies"
        }) {
      assertThat(paymentSystem.get(field)).as(field).isNotNull().isEqualTo(terms.get(field));
    }
    assertThat(paymentSystem.has("terms"))
        .as("the terms are fields of the payment system")
        .isFalse();
  }

  @Test
  void editingTheOfferOrTheRateNeverChangesAnOpenOrdersPriceFeeOrDeadline() {
    long francs =
        created(
            api.post(
                "/api/v1/payment-systems",
                """
        {"name":"Swiss desk","commissionPercent":"2.5","fixedFee":{"amount":"10.00","currency":"RUB"},
         "accountCurrency":"CHF","transactionCurrency":"RUB","supportedCurrencies":["RUB","CHF"]}"""));
    long lesson = fixtures.offer(francs, "1500.00", "RUB", "P10D");
    assertThat(api.put("/api/v1/exchange-rates/RUB/CHF", "{\"rate\":\"0.0108\"}").status())
        .isEqualTo(200);
    String id = fixtures.submit(client, lesson, null);
    JsonNode before = api.get("/api/v1/orders/" + id).body();

    assertThat(
            api.put(
                    "/api/v1/offers/" + lesson,
                    """
        {"name":"Yoga course, new season","price":{"amount":"2000.00","currency":"RUB"},
         "paymentSystemId":%d,"confirmationWindow":"P1D"}"""
                        .formatted(francs))
                .status())
        .isEqualTo(200);
    assertThat(api.put("/api/v1/exchange-rates/RUB/CHF", "{\"rate\":\"0.02\"}").status())
        .isEqualTo(200);

    JsonNode after = api.get("/api/v1/orders/" + id).body();
    for (String field : new String[] {"amount", "fee", "net", "reviewDeadline"}) {
      assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
    }
    // (1500.00 − 47.50) × 0.0108 = 15.687 CHF.
    assertThat(after.get("net").get("amount").asText()).isEqualTo("15.69");
    JsonNode terms = after.get("terms");
    assertThat(terms.get("commissionPercent").asText()).isEqualTo("2.5");
    assertThat(terms.get("fixedFee").toString())
        .isEqualTo("{\"amount\":\"10.00\",\"currency\":\"RUB\"}");
    assertThat(terms.get("accountCurrency").asText()).isEqualTo("CHF");
    assertThat(terms.get("rates").toString())
        .as("the rate used, not today's")
        .isEqualTo("{\"RUB>CHF\":\"0.0108\"}");

    assertThat(
            api.post(
                    "/api/v1/orders/" + id + "/approve",
                    """
        {"amount":{"amount":"1400.00","currency":"RUB"}}""")
                .status())
        .isEqualTo(202);
    // (1400.00 − 45.00) × 0.0108 = 14.634 at the order's rate; today's 0.02 would give 27.10.
    assertThat(awaitStatus(id, "APPROVED").get("net").get("amount").asText()).isEqualTo("14.63");

    JsonNode next = api.get("/api/v1/orders/" + fixtures.submit(client, lesson, null)).body();
    assertThat(next.get("amount").get("amount").asText())
        .as("a new order takes the edited offer")
        .isEqualTo("2000.00");
    assertThat(
            Duration.between(
                Instant.parse(next.get("submittedAt").asText()),
                Instant.parse(next.get("reviewDeadline").asText())))
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  void manualPaymentSystemWithOpenOrdersCannotBecomeIntegrated() {
    String id = fixtures.submit(client, offer, null);
    String integrated =
        CASH_DESK_AT_TEN_PERCENT.replace("{\"name\"", "{\"kind\":\"INTEGRATED\",\"name\"");

    Api.Response refused = api.put("/api/v1/payment-systems/" + paymentSystem, integrated);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("detail")).contains("1 open orders");
    JsonNode unchanged = api.get("/api/v1/payment-systems/" + paymentSystem).body();
    assertThat(unchanged.get("kind").asText()).isEqualTo("MANUAL");
    assertThat(unchanged.get("commissionPercent").asText()).isEqualTo("2.5");

    assertThat(api.post("/api/v1/orders/" + id + "/reject", "{}").status()).isEqualTo(202);
    awaitStatus(id, "REJECTED");
    assertThat(api.put("/api/v1/payment-systems/" + paymentSystem, integrated).status())
        .isEqualTo(200);
  }

  @Test
  void offerEditIsValidatedLikeACreationAndAnUnknownOfferIsNotFound() {
    Api.Response bad =
        api.put(
            "/api/v1/offers/" + offer,
            """
        {"name":"Yoga","price":{"amount":"10.001","currency":"RUB"},"paymentSystemId":%d}"""
                .formatted(paymentSystem));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("price.amount");
    assertThat(api.get("/api/v1/offers/" + offer).body().get("price").get("amount").asText())
        .isEqualTo("1500.00");

    assertThat(
            api.put(
                    "/api/v1/offers/999999999",
                    """
        {"name":"Yoga","price":{"amount":"10.00","currency":"RUB"},"paymentSystemId":%d}"""
                        .formatted(paymentSystem))
                .status())
        .isEqualTo(404);
  }

  @Test
  void clientEditReplacesNameAndContactsAndRefusesABadEmail() {
    Api.Response edited =
        api.put(
            "/api/v1/clients/" + client,
            """
        {"name":"Anna Sidorova","email":"anna.s@example.com"}""");

    assertThat(edited.status()).isEqualTo(200);
    JsonNode stored = api.get("/api/v1/clients/" + client).body();
    assertThat(stored.get("name").asText()).isEqualTo("Anna Sidorova");
    assertThat(stored.get("email").asText()).isEqualTo("anna.s@example.com");
    assertThat(stored.hasNonNull("phone")).isFalse();

    Api.Response bad =
        api.put("/api/v1/clients/" + client, "{\"name\":\"Anna\",\"email\":\"not-an-email\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("email");
    assertThat(api.get("/api/v1/clients/" + client).body().get("name").asText())
        .isEqualTo("Anna Sidorova");
    assertThat(api.put("/api/v1/clients/999999999", "{\"name\":\"Anna\"}").status()).isEqualTo(404);
  }

  private JsonNode awaitStatus(String id, String status) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.get("/api/v1/orders/" + id).text("status").equals(status));
    return api.get("/api/v1/orders/" + id).body();
  }

  private static long created(Api.Response response) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.body().get("id").asLong();
  }
}
