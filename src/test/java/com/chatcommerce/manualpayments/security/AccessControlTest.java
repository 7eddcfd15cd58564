package com.chatcommerce.manualpayments.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint: 401 without credentials, 403 for each role that may not use it, and its answer
 * for each role that may: 200 for a read, 400 for a write tried with a body the endpoint refuses,
 * so that an allowed call proves the way through and still changes nothing. The endpoints open to
 * anyone are listed too.
 */
@IntegrationTest
class AccessControlTest {

  private static final String REFUSED_BODY = "{\"notAField\":1}";

  @LocalServerPort int port;

  private long paymentSystem;
  private long offer;
  private long client;
  private String order;

  @BeforeEach
  void setUp() {
    Fixtures fixtures = new Fixtures(new Api(port));
    paymentSystem = fixtures.cashDesk();
    offer = fixtures.offer(paymentSystem, "100.00", "RUB", null);
    client = fixtures.client();
    order = fixtures.submit(client, offer, null);
    new Api(port).put("/api/v1/exchange-rates/CHF/RUB", "{\"rate\":\"101.5\"}");
  }

  static Stream<Arguments> endpoints() {
    Set<String> all = Set.of("platform", "manager", "analyst");
    Set<String> readers = Set.of("manager", "analyst");
    Set<String> managers = Set.of("manager");
    return Stream.of(
        endpoint("GET", "/api/v1/payment-systems", readers),
        endpoint("POST", "/api/v1/payment-systems", managers),
        endpoint("GET", "/api/v1/payment-systems/{paymentSystem}", readers),
        endpoint("PUT", "/api/v1/payment-systems/{paymentSystem}", managers),
        // No image was uploaded: a 404 shows the caller got past the access check.
        endpoint(
            "GET",
            "/api/v1/payment-systems/{paymentSystem}/image",
            all,
            Map.of("platform", 404, "manager", 404, "analyst", 404)),
        endpoint("GET", "/api/v1/offers", all),
        endpoint("GET", "/api/v1/offers?manualPayment=true", all),
        endpoint("POST", "/api/v1/offers", managers),
        endpoint("GET", "/api/v1/offers/{offer}", all),
        endpoint("PUT", "/api/v1/offers/{offer}", managers),
        endpoint("GET", "/api/v1/clients", readers),
        endpoint("POST", "/api/v1/clients", managers),
        endpoint("GET", "/api/v1/clients/{client}", readers),
        endpoint("PUT", "/api/v1/clients/{client}", managers),
        endpoint("GET", "/api/v1/clients/manual-account", readers),
        endpoint("GET", "/api/v1/clients/{client}/orders", readers),
        endpoint("GET", "/api/v1/clients/{client}/chat-indicators", readers),
        endpoint("GET", "/api/v1/exchange-rates", readers),
        endpoint("GET", "/api/v1/exchange-rates/CHF/RUB", readers),
        endpoint("PUT", "/api/v1/exchange-rates/CHF/RUB", managers),
        endpoint("POST", "/api/v1/orders", Set.of("platform", "manager")),
        endpoint("POST", "/api/v1/manual-payments", managers),
        endpoint("GET", "/api/v1/orders", all),
        endpoint("GET", "/api/v1/orders/export.csv", all),
        // A platform account may read orders, but this one a manager submitted: 404, not 403.
        endpoint("GET", "/api/v1/orders/{order}", all, Map.of("platform", 404)),
        endpoint("POST", "/api/v1/orders/{order}/approve", managers),
        endpoint("POST", "/api/v1/orders/{order}/reject", managers),
        endpoint("POST", "/api/v1/orders/{order}/refund", managers),
        endpoint("POST", "/api/v1/incidents/1/retry", managers),
        endpoint("GET", "/actuator/metrics", readers),
        endpoint("GET", "/actuator/info", readers));
  }

  private static Arguments endpoint(String method, String path, Set<String> allowed) {
    return endpoint(method, path, allowed, Map.of());
  }

  /**
   * {@code answers}: an allowed user whose answer is not the usual 200 or 400, with that answer.
   */
  private static Arguments endpoint(
      String method, String path, Set<String> allowed, Map<String, Integer> answers) {
    return Arguments.of(method, path, allowed, answers);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void endpointNeedsCredentialsAndTheRightRole(
      String method, String path, Set<String> allowed, Map<String, Integer> answers) {
    String url = fill(path);
    String body = method.equals("GET") ? null : REFUSED_BODY;

    Api.Response anonymous =
        new Api(port, null, null).send(HttpMethod.valueOf(method), url, body, "application/json");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");

    for (String user : List.of("platform", "manager", "analyst")) {
      Api.Response response =
          Api.as(port, user).send(HttpMethod.valueOf(method), url, body, "application/json");
      if (allowed.contains(user)) {
        int expected = answers.getOrDefault(user, body == null ? 200 : 400);
        assertThat(response.status())
            .as(user + " may " + method + " " + path + ": " + response.raw())
            .isEqualTo(expected);
      } else {
        assertThat(response.status()).as(user + " may not " + method + " " + path).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
      }
    }
  }

  @Test
  void wrongPasswordIsUnauthorized() {
    assertThat(new Api(port, "manager", "guess").get("/api/v1/orders").status()).isEqualTo(401);
  }

  @Test
  void healthTheOpenApiDocumentAndTheSwaggerUiNeedNoCredentials() {
    Api anonymous = new Api(port, null, null);
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    Api.Response swaggerUi = anonymous.send(HttpMethod.GET, "/swagger-ui.html", null, "text/html");
    assertThat(swaggerUi.status())
        .as("after its redirect to /swagger-ui/index.html")
        .isEqualTo(200);
    assertThat(swaggerUi.contentType()).startsWith("text/html");
    assertThat(swaggerUi.raw()).contains("swagger-ui");
  }

  @Test
  void healthShowsItsPartsOnlyToManagersAndAnalysts() {
    JsonNode anonymous = new Api(port, null, null).get("/actuator/health").body();
    assertThat(anonymous.get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("database, engine and disk hidden").isFalse();
    assertThat(Api.as(port, "platform").get("/actuator/health").body().has("components")).isFalse();

    for (String reader : List.of("manager", "analyst")) {
      JsonNode health = Api.as(port, reader).get("/actuator/health").body();
      assertThat(health.get("components").get("db").get("details").get("database").asText())
          .isNotEmpty();
    }
  }

  @Test
  void requestsAreMeasuredWithoutSpringSecuritysObservationOfEachFilter() {
    Api manager = new Api(port);
    assertThat(manager.get("/api/v1/orders").status()).isEqualTo(200);

    // A request's observation ends after its response was sent.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(metricNames(manager)).contains("http.server.requests"));
    assertThat(metricNames(manager)).noneMatch(name -> name.startsWith("spring.security"));
  }

  private static List<String> metricNames(Api api) {
    List<String> names = new ArrayList<>();
    api.get("/actuator/metrics").body().get("names").forEach(name -> names.add(name.asText()));
    return names;
  }

  @Test
  void platformReadsOnlyTheOrdersItSubmitted() {
    Api platform = Api.as(port, "platform");
    Api.Response submitted =
        platform.post("/api/v1/orders", "{\"clientId\":" + client + ",\"offerId\":" + offer + "}");
    assertThat(submitted.status()).isEqualTo(201);
    String own = submitted.text("id");

    assertThat(platform.get("/api/v1/orders/" + own).status()).isEqualTo(200);
    assertThat(platform.get("/api/v1/orders/" + order).status())
        .as("submitted by the manager")
        .isEqualTo(404);
    JsonNode listed = platform.get("/api/v1/orders?clientId=" + client).body().get("orders");
    assertThat(listed).extracting(o -> o.get("id").asText()).containsExactly(own);
    JsonNode managerView =
        new Api(port).get("/api/v1/orders?clientId=" + client).body().get("orders");
    assertThat(managerView).hasSize(2);
  }

  @Test
  void historyNamesTheCallerWhoDecided() {
    new Api(port)
        .post("/api/v1/orders/" + order + "/reject", "{\"comment\":\"no transfer found\"}");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                new Api(port)
                    .get("/api/v1/orders/" + order)
                    .body()
                    .get("status")
                    .asText()
                    .equals("REJECTED"));
    JsonNode history = new Api(port).get("/api/v1/orders/" + order).body().get("history");
    assertThat(history.get(1).get("actor").asText()).isEqualTo("manager");
  }

  private String fill(String path) {
    return path.replace("{paymentSystem}", String.valueOf(paymentSystem))
        .replace("{offer}", String.valueOf(offer))
        .replace("{client}", String.valueOf(client))
        .replace("{order}", order);
  }
}
