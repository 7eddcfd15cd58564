package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clients, a client's order history and its chat indicators, and the catalogues (payment systems,
 * offers, exchange rates) are keyset-paged like the orders.
 */
@IntegrationTest
class ClientListsPagingTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Api api;
  private Fixtures fixtures;
  private long client;
  private final List<String> orders = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(api);
    long offer = fixtures.offer(fixtures.cashDesk(), "100.00", "RUB", null);
    client = fixtures.client();
    for (int i = 0; i < 3; i++) {
      orders.add(fixtures.submit(client, offer, "order " + i));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("crm_client_orders") == 3 && count("chat_indicators") == 3);
  }

  @Test
  void clientsArePagedInTheOrderTheyWereCreated() {
    List<Long> mine = List.of(fixtures.client(), fixtures.client(), fixtures.client());

    List<Long> ids =
        walkById("/api/v1/clients", "clients", rows("SELECT COUNT(*) FROM crm_clients"));

    assertThat(ids).containsAll(mine);
  }

  @Test
  void orderHistoryIsPagedNewestUpdateFirst() {
    List<JsonNode> pages =
        walk("/api/v1/clients/" + client + "/orders", 2, page -> page.get("orders"));

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).get("orders")).hasSize(2);
    List<String> ids =
        pages.stream()
            .flatMap(p -> stream(p.get("orders")))
            .map(o -> o.get("orderId").asText())
            .toList();
    assertThat(ids).containsExactlyInAnyOrderElementsOf(orders);
    List<String> updated =
        pages.stream()
            .flatMap(p -> stream(p.get("orders")))
            .map(o -> o.get("updatedAt").asText())
            .toList();
    assertThat(updated)
        .isSortedAccordingTo(
            (a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
  }

  @Test
  void chatIndicatorsArePagedOldestFirst() {
    List<JsonNode> pages =
        walk("/api/v1/clients/" + client + "/chat-indicators", 2, page -> page.get("indicators"));

    assertThat(pages).hasSize(2);
    List<Long> ids =
        pages.stream()
            .flatMap(p -> stream(p.get("indicators")))
            .map(i -> i.get("id").asLong())
            .toList();
    assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void paymentSystemsArePagedInTheOrderTheyWereCreated() {
    List<Long> mine = List.of(fixtures.cashDesk(), fixtures.cashDesk(), fixtures.cashDesk());

    List<Long> ids =
        walkById(
            "/api/v1/payment-systems",
            "paymentSystems",
            rows("SELECT COUNT(*) FROM payment_systems"));

    assertThat(ids).containsAll(mine);
  }

  @Test
  void offersArePagedInTheOrderTheyWereCreatedWithOrWithoutTheManualPaymentFilter() {
    long integrated = fixtures.cardAcquiring();
    long cardOffer = fixtures.offer(integrated, "100.00", "RUB", null);
    long manualOffer = fixtures.offer(fixtures.cashDesk(), "100.00", "RUB", null);
    fixtures.offer(fixtures.cashDesk(), "200.00", "RUB", null);

    List<Long> every = walkById("/api/v1/offers", "offers", rows("SELECT COUNT(*) FROM offers"));
    List<Long> manual =
        walkById(
            "/api/v1/offers?manualPayment=true",
            "offers",
            rows(
                "SELECT COUNT(*) FROM offers o JOIN payment_systems p ON p.id = o.payment_system_id"
                    + " WHERE p.kind = 'MANUAL'"));

    assertThat(every).contains(cardOffer, manualOffer);
    assertThat(manual).contains(manualOffer).doesNotContain(cardOffer);
  }

  @Test
  void exchangeRatesArePagedByCurrencyPair() {
    List<String> mine = List.of("AUD/CAD", "AUD/JPY", "NZD/AUD");
    for (String pair : mine) {
      Api.Response stored = api.put("/api/v1/exchange-rates/" + pair, "{\"rate\":\"1.5\"}");
      assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
    }
    int total = rows("SELECT COUNT(*) FROM exchange_rates");
    int limit = thirdOf(total);

    List<JsonNode> pages = walk("/api/v1/exchange-rates", limit, page -> page.get("exchangeRates"));

    List<String> pairs =
        pages.stream()
            .flatMap(p -> stream(p.get("exchangeRates")))
            .map(r -> r.get("from").asText() + "/" + r.get("to").asText())
            .toList();
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
    assertThat(pairs).hasSize(total).isSorted().doesNotHaveDuplicates().containsAll(mine);
    assertThat(pages.subList(0, pages.size() - 1))
        .allSatisfy(p -> assertThat(p.get("exchangeRates")).hasSize(limit));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/clients",
        "/api/v1/clients/{client}/orders",
        "/api/v1/clients/{client}/chat-indicators",
        "/api/v1/payment-systems",
        "/api/v1/offers",
        "/api/v1/offers?manualPayment=true",
        "/api/v1/exchange-rates"
      })
  void badLimitOrCursorIsRefusedByName(String path) {
    String url = path.replace("{client}", String.valueOf(client));
    String next = url.contains("?") ? "&" : "?";
    for (String limit : List.of("0", "101")) {
      Api.Response response = api.get(url + next + "limit=" + limit);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }
    Api.Response response = api.get(url + next + "cursor=not-a-cursor");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
  }

  /**
   * Walks a list ordered by id, {@code total} rows long: every row once, in order, every page but
   * the last full. The ids, in the order they came.
   */
  private List<Long> walkById(String path, String items, int total) {
    int limit = thirdOf(total);
    List<JsonNode> pages = walk(path, limit, page -> page.get(items));
    List<Long> ids =
        pages.stream().flatMap(p -> stream(p.get(items))).map(i -> i.get("id").asLong()).toList();
    assertThat(pages).as(path).hasSizeGreaterThanOrEqualTo(3);
    assertThat(ids).as(path).hasSize(total).isSorted().doesNotHaveDuplicates();
    assertThat(pages.subList(0, pages.size() - 1))
        .as(path)
        .allSatisfy(p -> assertThat(p.get(items)).hasSize(limit));
    return ids;
  }

  /**
   * A page size that makes at least three pages of {@code total} rows (at least 3), within the
   * largest limit however many rows the tests before left in the shared database.
   */
  private static int thirdOf(int total) {
    return Math.min(100, Math.max(1, total / 3));
  }

  /** Every page from the first, following nextCursor until it is null. */
  private List<JsonNode> walk(String path, int limit, Function<JsonNode, JsonNode> items) {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      Api.Response response =
          api.get(
              path
                  + (path.contains("?") ? "&" : "?")
                  + "limit="
                  + limit
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(response.status()).as(response.raw()).isEqualTo(200);
      assertThat(items.apply(response.body()).size()).isBetween(1, limit);
      pages.add(response.body());
      cursor =
          response.body().get("nextCursor").isNull()
              ? null
              : response.body().get("nextCursor").asText();
    } while (cursor != null);
    return pages;
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list.stream();
  }

  private int rows(String countQuery) {
    return jdbc.queryForObject(countQuery, Integer.class);
  }

  private int count(String table) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + table + " WHERE client_id = ?", Integer.class, client);
  }
}
