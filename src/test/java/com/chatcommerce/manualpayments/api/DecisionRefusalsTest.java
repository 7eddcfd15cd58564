package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager's decision that breaks a money rule is refused at the API, names its field, changes
 * nothing and claims nothing: the next, valid decision goes through. The cash desk takes 2.5 % +
 * 10.00 RUB, credits RUB and accepts RUB and USD; the order is 1500.00 RUB.
 */
@IntegrationTest
class DecisionRefusalsTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Api api;
  private String order;

  @BeforeEach
  void openAnOrder() {
    api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    order =
        fixtures.submit(
            fixtures.client(), fixtures.offer(fixtures.cashDesk(), "1500.00", "RUB", null), "cash");
  }

  @Test
  void newCurrencyWithoutTheAmountPaidInItIsRefused() {
    JsonNode problem = refused(400, "{\"amount\":{\"currency\":\"USD\"}}");

    assertThat(field(problem)).isEqualTo("amount.amount");
    assertThat(problem.get("detail").asText()).contains("amount paid in USD");
  }

  @Test
  void correctionWhoseFeeExceedsItIsRefusedWithTheFeeAndTheNet() {
    JsonNode problem = refused(400, "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"RUB\"}}");

    assertThat(field(problem)).isEqualTo("amount.amount");
    assertThat(problem.get("detail").asText())
        .contains("fee 10.12 RUB", "net credited would be -5.12 RUB");
  }

  @Test
  void amountWhoseNetTheBooksCannotHoldIsRefused() {
    api.put("/api/v1/exchange-rates/USD/RUB", "{\"rate\":\"92.5\"}");
    api.put("/api/v1/exchange-rates/RUB/USD", "{\"rate\":\"0.0108\"}");

    JsonNode problem =
        refused(400, "{\"amount\":{\"amount\":\"999999999999999\",\"currency\":\"USD\"}}");

    assertThat(field(problem)).isEqualTo("amount.amount");
    assertThat(problem.get("detail").asText())
        .contains("the net credited", "more than the books hold");
  }

  @Test
  void amountWithMoreDigitsThanTheBooksHoldIsRefused() {
    JsonNode problem =
        refused(400, "{\"amount\":{\"amount\":\"1234567890123456\",\"currency\":\"RUB\"}}");

    assertThat(field(problem)).isEqualTo("amount.amount");
  }

  @Test
  void currencyThePaymentSystemDoesNotTakeIsRefused() {
    JsonNode problem = refused(400, "{\"amount\":{\"amount\":\"20.00\",\"currency\":\"EUR\"}}");

    assertThat(field(problem)).isEqualTo("amount.currency");
    assertThat(problem.get("detail").asText()).contains("does not support EUR");
  }

  @Test
  void correctionThatNeedsAMissingRateIsRefusedAsUnprocessable() {
    // Georgian lari: no test stores a rate for it.
    Fixtures fixtures = new Fixtures(api);
    long lariDesk =
        api.post(
                "/api/v1/payment-systems",
                """
        {"name":"Lari desk","commissionPercent":"1","fixedFee":{"amount":"10.00","currency":"RUB"},
         "accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB","GEL"]}""")
            .body()
            .get("id")
            .asLong();
    order =
        fixtures.submit(fixtures.client(), fixtures.offer(lariDesk, "1500.00", "RUB", null), null);

    JsonNode problem = refused(422, "{\"amount\":{\"amount\":\"20.00\",\"currency\":\"GEL\"}}");

    assertThat(problem.get("detail").asText()).contains("no exchange rate", "GEL");
  }

  @Test
  void managersCommentLongerThanTheLimitIsRefused() {
    JsonNode problem = refused(400, "{\"comment\":" + Api.q("x".repeat(1001)) + "}");

    assertThat(field(problem)).isEqualTo("comment");
  }

  /**
   * Sends the approval, checks its refusal and that nothing changed, then proves no claim was left:
   * a valid decision is accepted and applied.
   */
  private JsonNode refused(int status, String body) {
    JsonNode before = api.get("/api/v1/orders/" + order).body();

    Api.Response response = api.post("/api/v1/orders/" + order + "/approve", body);

    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/v1/orders/" + order).body()).as("nothing changed").isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from order_decisions where order_id = ?", Integer.class, order))
        .as("no claim")
        .isZero();
    assertThat(
            api.post("/api/v1/orders/" + order + "/approve", "{\"comment\":\"checked\"}").status())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api.get("/api/v1/orders/" + order)
                    .body()
                    .get("status")
                    .asText()
                    .equals("APPROVED"));
    return response.body();
  }

  private static String field(JsonNode problem) {
    return problem.get("errors").get(0).get("field").asText();
  }
}
