package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input gets a 4xx problem+json that names the field and changes nothing. Paths use the
 * placeholders {offer}, {client}, {payment system} and {order}, filled with records this test made.
 */
@IntegrationTest
class BadInputTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Api api;
  private long paymentSystem;
  private long offer;
  private long client;
  private String order;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    paymentSystem = fixtures.cashDesk();
    offer = fixtures.offer(paymentSystem, "1500.00", "RUB", null);
    client = fixtures.client();
    order = fixtures.submit(client, offer, null);
  }

  static Stream<Arguments> badRequests() {
    String ps = "/api/v1/payment-systems";
    String goodPs =
        "\"name\":\"X\",\"commissionPercent\":\"1\",\"accountCurrency\":\"RUB\",\"transactionCurrency\":\"RUB\"";
    return Stream.of(
        bad("POST", "/api/v1/orders", "{\"offerId\":", 400, "body"),
        bad(
            "POST",
            "/api/v1/orders",
            "{\"offerId\":{offer},\"clientId\":{client},\"price\":1}",
            400,
            "price"),
        bad("POST", "/api/v1/orders", "{\"clientId\":{client}}", 400, "offerId"),
        bad("POST", "/api/v1/orders", "{\"offerId\":{offer}}", 400, "clientId"),
        bad(
            "POST",
            "/api/v1/orders",
            "{\"offerId\":\"one\",\"clientId\":{client}}",
            400,
            "offerId"),
        bad("POST", "/api/v1/orders", "{\"offerId\":999999,\"clientId\":{client}}", 400, "offerId"),
        bad("POST", "/api/v1/orders", "{\"offerId\":{offer},\"clientId\":999999}", 400, "clientId"),
        bad(
            "POST",
            "/api/v1/orders",
            "{\"offerId\":{offer},\"clientId\":{client},\"paymentDate\":\"28.11.2026\"}",
            400,
            "paymentDate"),
        bad(
            "POST",
            "/api/v1/orders",
            "{\"offerId\":{offer},\"clientId\":{client},\"paymentDate\":\"2026-02-30\"}",
            400,
            "paymentDate"),
        bad(
            "POST",
            "/api/v1/orders",
            "{\"offerId\":{offer},\"clientId\":{client},\"comment\":\"" + "x".repeat(1001) + "\"}",
            400,
            "comment"),
        bad(
            "POST",
            "/api/v1/manual-payments",
            "{\"offerId\":{offer},\"clientId\":{client},\"phone\":\"+79001234567\"}",
            400,
            "email"),
        bad(
            "POST",
            "/api/v1/manual-payments",
            "{\"offerId\":{offer},\"clientId\":{client},\"email\":\"not-an-email\",\"phone\":\"+79001234567\"}",
            400,
            "email"),
        bad(
            "POST",
            "/api/v1/manual-payments",
            "{\"offerId\":{offer},\"clientId\":{client},\"email\":\"a@b.ru\",\"phone\":\"12345\"}",
            400,
            "phone"),
        bad(
            "POST",
            ps,
            "{" + goodPs + ",\"supportedCurrencies\":[\"RUB\"],\"commissionPercent\":\"100\"}",
            400,
            "commissionPercent"),
        bad(
            "POST",
            ps,
            "{\"name\":\"X\",\"commissionPercent\":\"-0.1\",\"accountCurrency\":\"RUB\",\"transactionCurrency\":\"RUB\",\"supportedCurrencies\":[\"RUB\"]}",
            400,
            "commissionPercent"),
        bad(
            "POST",
            ps,
            "{\"name\":\"X\",\"commissionPercent\":\"1,5\",\"accountCurrency\":\"RUB\",\"transactionCurrency\":\"RUB\",\"supportedCurrencies\":[\"RUB\"]}",
            400,
            "commissionPercent"),
        bad(
            "POST",
            ps,
            "{" + goodPs + ",\"supportedCurrencies\":[\"USD\"]}",
            400,
            "supportedCurrencies"),
        bad(
            "POST",
            ps,
            "{\"name\":\"X\",\"commissionPercent\":\"1\",\"accountCurrency\":\"RUB\",\"transactionCurrency\":\"USD\",\"supportedCurrencies\":[\"RUB\"]}",
            400,
            "supportedCurrencies"),
        bad(
            "POST",
            ps,
            "{\"name\":\"X\",\"commissionPercent\":\"1\",\"accountCurrency\":\"ABC\",\"transactionCurrency\":\"RUB\",\"supportedCurrencies\":[\"RUB\"]}",
            400,
            "accountCurrency"),
        bad(
            "POST",
            ps,
            "{" + goodPs + ",\"supportedCurrencies\":[\"RUB\",\"rub\"]}",
            400,
            "supportedCurrencies[1]"),
        bad(
            "POST",
            ps,
            "{"
                + goodPs
                + ",\"supportedCurrencies\":[\"RUB\"],\"fixedFee\":{\"amount\":\"-1\",\"currency\":\"RUB\"}}",
            400,
            "fixedFeeAmount"),
        bad(
            "POST",
            ps,
            "{\"commissionPercent\":\"1\",\"accountCurrency\":\"RUB\",\"transactionCurrency\":\"RUB\",\"supportedCurrencies\":[\"RUB\"]}",
            400,
            "name"),
        bad("PUT", ps + "/999999", "{" + goodPs + ",\"supportedCurrencies\":[\"RUB\"]}", 404, null),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"0\",\"currency\":\"RUB\"},\"paymentSystemId\":{paymentSystem}}",
            400,
            "price.amount"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"10.001\",\"currency\":\"RUB\"},\"paymentSystemId\":{paymentSystem}}",
            400,
            "price.amount"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"10.5\",\"currency\":\"JPY\"},\"paymentSystemId\":{paymentSystem}}",
            400,
            "price.amount"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"ten\",\"currency\":\"RUB\"},\"paymentSystemId\":{paymentSystem}}",
            400,
            "price.amount"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"10\",\"currency\":\"XYZ\"},\"paymentSystemId\":{paymentSystem}}",
            400,
            "price.currency"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"10\",\"currency\":\"RUB\"},\"paymentSystemId\":{paymentSystem},\"confirmationWindow\":\"30 days\"}",
            400,
            "confirmationWindow"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"10\",\"currency\":\"RUB\"},\"paymentSystemId\":{paymentSystem},\"confirmationWindow\":\"PT0S\"}",
            400,
            "confirmationWindow"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"10\",\"currency\":\"RUB\"},\"paymentSystemId\":{paymentSystem},\"confirmationWindow\":\"P366D\"}",
            400,
            "confirmationWindow"),
        bad(
            "POST",
            "/api/v1/offers",
            "{\"name\":\"O\",\"price\":{\"amount\":\"10\",\"currency\":\"RUB\"},\"paymentSystemId\":999999}",
            400,
            "paymentSystemId"),
        bad("POST", "/api/v1/clients", "{\"email\":\"a@b.ru\"}", 400, "name"),
        bad("POST", "/api/v1/clients", "{\"name\":\"" + "n".repeat(201) + "\"}", 400, "name"),
        bad("PUT", "/api/v1/exchange-rates/EUR/RUB", "{\"rate\":\"0\"}", 400, "rate"),
        bad("PUT", "/api/v1/exchange-rates/EUR/EURO", "{\"rate\":\"1\"}", 400, "to"),
        bad(
            "POST",
            "/api/v1/orders/{order}/approve",
            "{\"amount\":{\"amount\":\"-5\",\"currency\":\"RUB\"}}",
            400,
            "amount.amount"),
        bad(
            "POST",
            "/api/v1/orders/{order}/approve",
            "{\"amount\":{\"amount\":\"5\",\"currency\":\"EUR\"}}",
            400,
            "amount.currency"),
        bad(
            "POST",
            "/api/v1/orders/{order}/approve",
            "{\"paymentDate\":\"yesterday\"}",
            400,
            "paymentDate"),
        bad("POST", "/api/v1/orders/{order}/reject", "{\"verdict\":\"no\"}", 400, "verdict"),
        bad("POST", "/api/v1/orders/00000000-0000-0000-0000-000000000000/approve", null, 404, null),
        bad("GET", "/api/v1/orders?limit=0", null, 400, "limit"),
        bad("GET", "/api/v1/orders?limit=101", null, 400, "limit"),
        bad("GET", "/api/v1/orders?limit=abc", null, 400, "limit"),
        bad("GET", "/api/v1/orders?cursor=not-a-cursor", null, 400, "cursor"),
        bad("GET", "/api/v1/payment-systems?limit=0", null, 400, "limit"),
        bad("GET", "/api/v1/offers?manualPayment=true&limit=abc", null, 400, "limit"),
        bad("GET", "/api/v1/exchange-rates?cursor=not-a-cursor", null, 400, "cursor"),
        bad("GET", "/api/v1/orders?status=PAID", null, 400, "status"));
  }

  private static Arguments bad(String method, String path, String body, int status, String field) {
    return Arguments.of(method, path, body, status, field);
  }

  @ParameterizedTest(name = "{0} {1} -> {3} {4}")
  @MethodSource("badRequests")
  void badInputIsRefusedWithAProblemNamingTheFieldAndChangesNothing(
      String method, String path, String body, int status, String field) {
    String before = snapshot();

    Api.Response response =
        api.send(
            HttpMethod.valueOf(method),
            fill(path),
            body == null ? null : fill(body),
            "application/json");

    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
      assertThat(response.body().get("errors").get(0).get("reason").asText()).isNotBlank();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongContentTypes")
  void wrongContentTypeIsRefused(String contentType) {
    String before = snapshot();
    Api.Response response = api.send(HttpMethod.POST, "/api/v1/clients", "name=Anna", contentType);
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(snapshot()).isEqualTo(before);
  }

  static Stream<String> wrongContentTypes() {
    return Stream.of("text/plain", "application/x-www-form-urlencoded");
  }

  private String fill(String text) {
    return text.replace("{offer}", String.valueOf(offer))
        .replace("{client}", String.valueOf(client))
        .replace("{paymentSystem}", String.valueOf(paymentSystem))
        .replace("{order}", order);
  }

  /**
   * Every table's row count, the order's state, and the commands the engine received (instances
   * created, messages published): what "changes nothing" is checked against.
   */
  private String snapshot() {
    SharedEngine.get().idle();
    RecordStream engine = RecordStream.of(SharedEngine.get().engine().getRecordStreamSource());
    StringBuilder state = new StringBuilder();
    state
        .append("instances=")
        .append(
            StreamSupport.stream(engine.processInstanceRecords().spliterator(), false)
                .filter(
                    r ->
                        r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
                            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .count());
    state
        .append(" messages=")
        .append(
            StreamSupport.stream(engine.messageRecords().spliterator(), false)
                .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
                .count())
        .append(' ');
    for (String table :
        new String[] {
          "payment_systems", "offers", "crm_clients", "exchange_rates", "orders", "order_history"
        }) {
      state
          .append(table)
          .append('=')
          .append(jdbc.queryForObject("select count(*) from " + table, Long.class))
          .append(' ');
    }
    state.append(
        jdbc.queryForMap("select status, pending_action, version from orders where id = ?", order));
    return state.toString();
  }
}
