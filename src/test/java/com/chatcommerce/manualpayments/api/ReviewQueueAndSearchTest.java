package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.CashDeskApiTest;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Payments tab's review queue, and finding a client, over HTTP. */
@IntegrationTest
class ReviewQueueAndSearchTest extends CashDeskApiTest {

  @Autowired EntityManagerFactory entityManagers;
  @Autowired Clock clock;

  @Test
  void reviewQueueListsOpenOrdersSoonestDeadlineFirstAcrossCursorPagesWithTheNamesATableShows() {
    String threeDays = fixtures.submit(client, offer("Three days", "P3D"), null);
    String twoHours = fixtures.submit(client, offer("Two hours", "PT2H"), null);
    String month = fixtures.submit(client, offer("A month", "P30D"), null);
    String oneDay = fixtures.submit(client, offer("One day", "P1D"), null);
    String decided = fixtures.submit(client, offer("Decided", "PT1H"), null);
    assertThat(api.post("/api/v1/orders/" + decided + "/approve", "{}").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/api/v1/orders/" + decided).text("status").equals("APPROVED"));

    List<JsonNode> rows =
        walk("/api/v1/orders?status=OPEN&sort=reviewDeadline&limit=2&clientId=" + client);

    assertThat(rows)
        .extracting(r -> r.get("id").asText())
        .containsExactly(twoHours, oneDay, threeDays, month);
    assertThat(rows)
        .extracting(r -> Instant.parse(r.get("reviewDeadline").asText()))
        .isSortedAccordingTo(Comparator.naturalOrder());
    JsonNode first = rows.getFirst();
    assertThat(first.get("clientName").asText()).isEqualTo("Anna Petrova");
    assertThat(first.get("offerName").asText()).isEqualTo("Two hours");
    assertThat(first.get("paymentSystemName").asText()).isEqualTo("Cash desk");
    assertThat(walk("/api/v1/orders?limit=2&clientId=" + client))
        .extracting(r -> r.get("id").asText())
        .as("newest first stays the default")
        .containsExactly(decided, oneDay, month, twoHours, threeDays);
  }

  @Test
  void deadlineBeforeKeepsTheOrdersExpiringBeforeIt() {
    String twoHours = fixtures.submit(client, offer("Two hours", "PT2H"), null);
    String oneDay = fixtures.submit(client, offer("One day", "P1D"), null);
    fixtures.submit(client, offer("Three days", "P3D"), null);
    Instant oneDayDeadline =
        Instant.parse(api.get("/api/v1/orders/" + oneDay).text("reviewDeadline"));

    String within =
        "/api/v1/orders?status=OPEN&sort=reviewDeadline&clientId=" + client + "&deadlineBefore=";
    assertThat(walk(within + oneDayDeadline.plusSeconds(1)))
        .extracting(r -> r.get("id").asText())
        .containsExactly(twoHours, oneDay);
    assertThat(walk(within + oneDayDeadline))
        .extracting(r -> r.get("id").asText())
        .as("the bound is exclusive")
        .containsExactly(twoHours);
    assertBadInput("/api/v1/orders?deadlineBefore=tomorrow", "deadlineBefore");
  }

  @Test
  void aCursorContinuesOnlyTheSortItCameFrom() {
    fixtures.submit(client, offer("One day", "P1D"), null);
    fixtures.submit(client, offer("Two days", "P2D"), null);
    String byDeadline =
        api.get("/api/v1/orders?sort=reviewDeadline&limit=1&clientId=" + client).text("nextCursor");
    String newest = api.get("/api/v1/orders?limit=1&clientId=" + client).text("nextCursor");

    assertBadInput("/api/v1/orders?limit=1&clientId=" + client + "&cursor=" + byDeadline, "cursor");
    assertBadInput(
        "/api/v1/orders?sort=reviewDeadline&limit=1&clientId=" + client + "&cursor=" + newest,
        "cursor");
    assertBadInput("/api/v1/orders?sort=deadline", "sort");
  }

  @Test
  void aPageOfOrdersIsOneStatementHoweverManyClientsOffersAndPaymentSystemsItNames() {
    // Other tests leave open orders with sooner deadlines: the page is this test's orders only.
    Instant from = clock.instant();
    List<Long> clients = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long otherPaymentSystem = fixtures.cashDesk();
      clients.add(fixtures.client());
      fixtures.submit(
          clients.getLast(), fixtures.offer(otherPaymentSystem, "100.00", "RUB", null), "row " + i);
    }
    // No worker is writing while the page is read: every order waits at its review.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                clients.stream()
                    .allMatch(
                        c ->
                            api.get("/api/v1/clients/" + c + "/chat-indicators")
                                    .body()
                                    .findValues("orderId")
                                    .size()
                                == 1));
    SharedEngine.get().idle();
    Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    try {
      statistics.clear();
      JsonNode page =
          api.get("/api/v1/orders?status=OPEN&sort=reviewDeadline&limit=6&submittedFrom=" + from)
              .body();
      long statements = statistics.getPrepareStatementCount();

      assertThat(page.get("orders")).hasSize(6);
      assertThat(page.get("orders").findValuesAsText("clientName")).doesNotContainNull().hasSize(6);
      assertThat(Set.copyOf(page.get("orders").findValuesAsText("clientId")))
          .as("the page names several clients, so a read per client would show")
          .hasSizeGreaterThan(1);
      assertThat(statements).as("statements prepared for one page").isEqualTo(1);
    } finally {
      statistics.setStatisticsEnabled(false);
    }
  }

  @Test
  void aNameIsFoundByItsCapitalsEvenWhereJavaWouldLowerThemDifferentlyThanTheDatabase() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    // Java lowers a word's last capital sigma to a final sigma; the database lowers it to sigma.
    long odysseas = fixtures.client("ΟΔΥΣΣΕΑΣ " + tag, null, null);

    assertThat(found("?q=ΟΔΥΣΣΕΑΣ " + tag)).containsExactly(odysseas);
  }

  @Test
  void clientsAreFoundByPartOfTheirNameEmailOrPhoneInAnyCaseAPageAtATime() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long byName = fixtures.client("Zinaida " + tag + " Orlova", null, null);
    long byEmail = fixtures.client("Someone", "Z." + tag + "@Example.com", null);
    String phone = "+7912" + (1_000_000 + Math.abs(tag.hashCode() % 9_000_000));
    long byPhone = fixtures.client("Someone else", null, phone);

    assertThat(found("?q=" + tag.toUpperCase())).containsExactly(byName, byEmail);
    assertThat(found("?q=zinaida " + tag)).containsExactly(byName);
    assertThat(
            found(
                "?q="
                    + phone.substring(2, 5)
                    + " "
                    + phone.substring(5, 8)
                    + "-"
                    + phone.substring(8)))
        .as("a phone typed with spaces and dashes")
        .containsExactly(byPhone);

    JsonNode first = api.get("/api/v1/clients?limit=1&q=" + tag).body();
    assertThat(first.get("clients").findValuesAsText("id")).containsExactly(Long.toString(byName));
    JsonNode second =
        api.get("/api/v1/clients?limit=1&q=" + tag + "&cursor=" + first.get("nextCursor").asText())
            .body();
    assertThat(second.get("clients").findValuesAsText("id"))
        .containsExactly(Long.toString(byEmail));
    assertThat(second.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void aSearchMatchesWildcardsLiterallyAndRefusesBadPaging() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long percent = fixtures.client("100% " + tag, null, null);
    fixtures.client("1000 " + tag, null, null);

    assertThat(found("?q=0% " + tag)).containsExactly(percent);
    assertThat(found("?q=1_0 " + tag)).as("_ is no wildcard").isEmpty();
    assertBadInput("/api/v1/clients?limit=0", "limit");
    assertBadInput("/api/v1/clients?limit=101", "limit");
    assertBadInput("/api/v1/clients?cursor=nonsense", "cursor");
    assertBadInput("/api/v1/clients?q=" + "x".repeat(201), "q");
  }

  @Test
  void openApiDocumentsTheQueueAndSearchParametersWithTheirBadInputAnswer() {
    JsonNode paths = new Api(port, null, null).get("/v3/api-docs").body().get("paths");

    JsonNode orders = paths.get("/api/v1/orders").get("get");
    assertThat(orders.get("parameters").findValuesAsText("name"))
        .contains("sort", "deadlineBefore", "cursor", "limit");
    JsonNode sort = parameter(orders, "sort");
    assertThat(sort.get("schema").get("enum").toString()).contains("submittedAt", "reviewDeadline");
    assertThat(orders.get("responses").has("400")).isTrue();
    JsonNode clients = paths.get("/api/v1/clients").get("get");
    assertThat(clients.get("parameters").findValuesAsText("name")).contains("q", "limit", "cursor");
    assertThat(clients.get("responses").get("400").get("content").has("application/problem+json"))
        .isTrue();
  }

  private static JsonNode parameter(JsonNode operation, String name) {
    for (JsonNode p : operation.get("parameters")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no parameter " + name);
  }

  private long offer(String name, String window) {
    return fixtures.offer(name, paymentSystem, "100.00", "RUB", window);
  }

  private List<Long> found(String query) {
    JsonNode page = api.get("/api/v1/clients" + query).body();
    List<Long> ids = new ArrayList<>();
    page.get("clients").forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }

  /** Every row of a list, following nextCursor to the last page. */
  private List<JsonNode> walk(String path) {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      Api.Response response = api.get(path + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(response.status()).as(response.raw()).isEqualTo(200);
      response.body().get("orders").forEach(rows::add);
      cursor = response.body().path("nextCursor").isTextual() ? response.text("nextCursor") : null;
    } while (cursor != null);
    return rows;
  }

  private void assertBadInput(String path, String field) {
    Api.Response response = api.get(path);
    assertThat(response.status()).as(response.raw()).isEqualTo(400);
    assertThat(response.body().get("errors").findValuesAsText("field")).contains(field);
  }
}
