package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.regex.Pattern;
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
 * Bad input gets a 4xx problem+json that names the field and changes nothing. Paths and bodies use
 * the placeholders {offer}, {client}, {paymentSystem} and {order}, filled with records this test
 * made.
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

  /**
   * One refused request a line: the status and the field its problem names ({@code -} for none),
   * then the method, the path and, when there is one, the body as sent. {@code {1001 x}} stands for
   * 1001 x's: a value one character over its limit.
   */
  private static final String REFUSED =
      """
      400 body                   POST /api/v1/orders {"offerId":
      400 price                  POST /api/v1/orders {"offerId":{offer},"clientId":{client},"price":1}
      400 offerId                POST /api/v1/orders {"clientId":{client}}
      400 clientId               POST /api/v1/orders {"offerId":{offer}}
      400 offerId                POST /api/v1/orders {"offerId":"one","clientId":{client}}
      400 offerId                POST /api/v1/orders {"offerId":999999,"clientId":{client}}
      400 clientId               POST /api/v1/orders {"offerId":{offer},"clientId":999999}
      400 paymentDate            POST /api/v1/orders {"offerId":{offer},"clientId":{client},"paymentDate":"28.11.2026"}
      400 paymentDate            POST /api/v1/orders {"offerId":{offer},"clientId":{client},"paymentDate":"2026-02-30"}
      400 comment                POST /api/v1/orders {"offerId":{offer},"clientId":{client},"comment":"{1001 x}"}

      400 email                  POST /api/v1/manual-payments {"offerId":{offer},"clientId":{client},"phone":"+79001234567"}
      400 email                  POST /api/v1/manual-payments {"offerId":{offer},"clientId":{client},"email":"not-an-email","phone":"+79001234567"}
      400 phone                  POST /api/v1/manual-payments {"offerId":{offer},"clientId":{client},"email":"a@b.ru","phone":"12345"}

      400 commissionPercent      POST /api/v1/payment-systems {"name":"X","commissionPercent":"1","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB"],"commissionPercent":"100"}
      400 commissionPercent      POST /api/v1/payment-systems {"name":"X","commissionPercent":"-0.1","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB"]}
      400 commissionPercent      POST /api/v1/payment-systems {"name":"X","commissionPercent":"1,5","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB"]}
      400 supportedCurrencies    POST /api/v1/payment-systems {"name":"X","commissionPercent":"1","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["USD"]}
      400 supportedCurrencies    POST /api/v1/payment-systems {"name":"X","commissionPercent":"1","accountCurrency":"RUB","transactionCurrency":"USD","supportedCurrencies":["RUB"]}
      400 accountCurrency        POST /api/v1/payment-systems {"name":"X","commissionPercent":"1","accountCurrency":"ABC","transactionCurrency":"RUB","supportedCurrencies":["RUB"]}
      400 supportedCurrencies[1] POST /api/v1/payment-systems {"name":"X","commissionPercent":"1","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB","rub"]}
      400 fixedFeeAmount         POST /api/v1/payment-systems {"name":"X","commissionPercent":"1","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB"],"fixedFee":{"amount":"-1","currency":"RUB"}}
      400 name                   POST /api/v1/payment-systems {"commissionPercent":"1","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB"]}
      404 -                      PUT  /api/v1/payment-systems/999999 {"name":"X","commissionPercent":"1","accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB"]}

      400 price.amount           POST /api/v1/offers {"name":"O","price":{"amount":"0","currency":"RUB"},"paymentSystemId":{paymentSystem}}
      400 price.amount           POST /api/v1/offers {"name":"O","price":{"amount":"10.001","currency":"RUB"},"paymentSystemId":{paymentSystem}}
      400 price.amount           POST /api/v1/offers {"name":"O","price":{"amount":"10.5","currency":"JPY"},"paymentSystemId":{paymentSystem}}
      400 price.amount           POST /api/v1/offers {"name":"O","price":{"amount":"ten","currency":"RUB"},"paymentSystemId":{paymentSystem}}
      400 price.currency         POST /api/v1/offers {"name":"O","price":{"amount":"10","currency":"XYZ"},"paymentSystemId":{paymentSystem}}
      400 confirmationWindow     POST /api/v1/offers {"name":"O","price":{"amount":"10","currency":"RUB"},"paymentSystemId":{paymentSystem},"confirmationWindow":"30 days"}
      400 confirmationWindow     POST /api/v1/offers {"name":"O","price":{"amount":"10","currency":"RUB"},"paymentSystemId":{paymentSystem},"confirmationWindow":"PT0S"}
      400 confirmationWindow     POST /api/v1/offers {"name":"O","price":{"amount":"10","currency":"RUB"},"paymentSystemId":{paymentSystem},"confirmationWindow":"P366D"}
      400 paymentSystemId        POST /api/v1/offers {"name":"O","price":{"amount":"10","currency":"RUB"},"paymentSystemId":999999}

      400 name                   POST /api/v1/clients {"email":"a@b.ru"}
      400 name                   POST /api/v1/clients {"name":"{201 n}"}

      400 rate                   PUT  /api/v1/exchange-rates/EUR/RUB {"rate":"0"}
      400 to                     PUT  /api/v1/exchange-rates/EUR/EURO {"rate":"1"}

      400 amount.amount          POST /api/v1/orders/{order}/approve {"amount":{"amount":"-5","currency":"RUB"}}
      400 amount.currency        POST /api/v1/orders/{order}/approve {"amount":{"amount":"5","currency":"EUR"}}
      400 paymentDate            POST /api/v1/orders/{order}/approve {"paymentDate":"yesterday"}
      400 verdict                POST /api/v1/orders/{order}/reject {"verdict":"no"}
      404 -                      POST /api/v1/orders/00000000-0000-0000-0000-000000000000/approve

      400 limit                  GET  /api/v1/orders?limit=0
      400 limit                  GET  /api/v1/orders?limit=101
      400 limit                  GET  /api/v1/orders?limit=abc
      400 cursor                 GET  /api/v1/orders?cursor=not-a-cursor
      400 limit                  GET  /api/v1/payment-systems?limit=0
      400 limit                  GET  /api/v1/offers?manualPayment=true&limit=abc
      400 cursor                 GET  /api/v1/exchange-rates?cursor=not-a-cursor
      400 status                 GET  /api/v1/orders?status=PAID
      """;

  private static final Pattern REPEATED = Pattern.compile("\\{(\\d+) (\\w)}");

  static Stream<Arguments> badRequests() {
    return REFUSED.lines().filter(line -> !line.isBlank()).map(BadInputTest::refused);
  }

  /** A line of {@link #REFUSED} as the test's arguments: method, path, body, status, field. */
  private static Arguments refused(String line) {
    String[] column = line.split(" +", 5);
    String body = column.length == 5 ? spelledOut(column[4]) : null;
    String field = column[1].equals("-") ? null : column[1];
    return Arguments.of(column[2], column[3], body, Integer.parseInt(column[0]), field);
  }

  /** The body with each {@code {1001 x}} written out as its 1001 x's. */
  private static String spelledOut(String body) {
    return REPEATED.matcher(body).replaceAll(m -> m.group(2).repeat(Integer.parseInt(m.group(1))));
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
    RecordStream engine = EngineRecords.snapshot(SharedEngine.get());
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
