package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ApiDocsAndExportTest {

  @LocalServerPort int port;

  @Test
  void openApiDocumentsEveryEndpointWithItsProblemResponses() {
    JsonNode paths = new Api(port, null, null).get("/v3/api-docs").body().get("paths");

    List<String> documented = new ArrayList<>();
    paths.fieldNames().forEachRemaining(documented::add);
    assertThat(documented)
        .contains(
            "/api/v1/payment-systems",
            "/api/v1/payment-systems/{id}",
            "/api/v1/payment-systems/{id}/image",
            "/api/v1/offers",
            "/api/v1/offers/{id}",
            "/api/v1/clients",
            "/api/v1/clients/{id}",
            "/api/v1/clients/manual-account",
            "/api/v1/clients/{id}/orders",
            "/api/v1/clients/{id}/chat-indicators",
            "/api/v1/exchange-rates",
            "/api/v1/exchange-rates/{from}/{to}",
            "/api/v1/orders",
            "/api/v1/manual-payments",
            "/api/v1/orders/{id}",
            "/api/v1/orders/export.csv",
            "/api/v1/orders/{id}/approve",
            "/api/v1/orders/{id}/reject",
            "/api/v1/orders/{id}/refund",
            "/api/v1/incidents/{incidentKey}/retry");
    paths.forEach(
        path ->
            path.forEach(
                operation ->
                    assertThat(
                            operation.get("responses").has("401")
                                && operation.get("responses").has("403"))
                        .as(operation.get("operationId").asText())
                        .isTrue()));
    JsonNode upload = paths.get("/api/v1/payment-systems/{id}/image").get("put");
    assertThat(upload.get("responses").has("413") && upload.get("responses").has("415")).isTrue();
    assertThat(upload.get("requestBody").get("content").has("image/webp")).isTrue();
    assertThat(paths.get("/api/v1/payment-systems/{id}").get("put").get("responses").has("409"))
        .isTrue();
    assertThat(paths.get("/api/v1/offers/{id}").get("put").get("responses").has("404")).isTrue();
    JsonNode schemas =
        new Api(port, null, null).get("/v3/api-docs").body().get("components").get("schemas");
    assertThat(schemas.get("ManagerSubmission").get("properties").has("payer")).isTrue();
    assertThat(schemas.get("Payer").get("properties").has("platformUserId")).isTrue();
    JsonNode approve = paths.get("/api/v1/orders/{id}/approve").get("post").get("responses");
    assertThat(approve.has("409")).isTrue();
    assertThat(approve.get("409").get("content").has("application/problem+json")).isTrue();
    assertThat(approve.has("413")).as("takes a body").isTrue();
    assertThat(paths.get("/api/v1/orders/{id}").get("get").get("responses").has("413"))
        .as("takes none")
        .isFalse();
  }

  @Test
  void everyPostDocumentsTheIdempotencyKeyWithItsLimitsAndNoOtherMethodDoes() {
    JsonNode paths = new Api(port, null, null).get("/v3/api-docs").body().get("paths");

    List<String> posts = new ArrayList<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          List<JsonNode> keys = new ArrayList<>();
                          operation
                              .getValue()
                              .path("parameters")
                              .forEach(
                                  p -> {
                                    if (p.get("name").asText().equals("Idempotency-Key")) {
                                      keys.add(p);
                                    }
                                  });
                          String name = operation.getKey() + " " + path.getKey();
                          if (!operation.getKey().equals("post")) {
                            assertThat(keys).as(name).isEmpty();
                            return;
                          }
                          posts.add(path.getKey());
                          assertThat(keys).as(name).hasSize(1);
                          JsonNode key = keys.get(0);
                          assertThat(key.get("in").asText()).as(name).isEqualTo("header");
                          assertThat(key.path("required").asBoolean()).as(name).isFalse();
                          assertThat(key.get("schema").get("maxLength").asInt())
                              .as(name)
                              .isEqualTo(100);
                          assertThat(key.get("schema").get("pattern").asText())
                              .as(name)
                              .isEqualTo("^[A-Za-z0-9_.:-]{1,100}$");
                          assertThat(key.get("description").asText()).as(name).contains("PT24H");
                        }));
    assertThat(posts)
        .contains(
            "/api/v1/orders",
            "/api/v1/manual-payments",
            "/api/v1/orders/{id}/approve",
            "/api/v1/orders/{id}/reject",
            "/api/v1/orders/{id}/refund",
            "/api/v1/incidents/{incidentKey}/retry");
  }

  @Test
  void csvExportStreamsTheFilteredOrdersWithSafeCells() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    long paymentSystem = fixtures.cashDesk();
    long offer = fixtures.offer(paymentSystem, "1500.00", "RUB", null);
    long otherOffer = fixtures.offer(paymentSystem, "99.90", "RUB", null);
    long client = fixtures.client();
    Instant before = SharedEngine.get().log().now();
    String first = fixtures.submit(client, offer, "=HYPERLINK(\"http://evil\")");
    String second = fixtures.submit(client, offer, "line one\nline two, with a comma");
    fixtures.submit(client, otherOffer, "other offer");

    Api.Response csv =
        api.get(
            "/api/v1/orders/export.csv?clientId="
                + client
                + "&offerId="
                + offer
                + "&source=CLIENT&submittedFrom="
                + before);

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String text = csv.raw();
    assertThat(text).startsWith("id,status,source,client_id,offer_id,");
    assertThat(text)
        .contains(
            second + ",OPEN,CLIENT," + client + "," + offer + ",1500.00,RUB,1500.00,RUB,47.50,RUB");
    assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(text).contains("\"line one\nline two, with a comma\"");
    assertThat(text.indexOf(second)).as("newest first").isLessThan(text.indexOf(first));
    assertThat(text).doesNotContain("other offer");
  }

  @Test
  void listFiltersBySourceOfferAndSubmissionTime() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    long paymentSystem = fixtures.cashDesk();
    long offer = fixtures.offer(paymentSystem, "100.00", "RUB", null);
    long client = fixtures.client();
    String byClient = fixtures.submit(client, offer, null);
    Instant between = SharedEngine.get().log().now();
    String byManager =
        api.post(
                "/api/v1/manual-payments",
                "{\"clientId\":"
                    + client
                    + ",\"offerId\":"
                    + offer
                    + ",\"email\":\"a@b.ru\",\"phone\":\"+79001234567\"}")
            .text("id");

    assertThat(ids(api, "clientId=" + client + "&source=MANAGER")).containsExactly(byManager);
    assertThat(ids(api, "offerId=" + offer + "&submittedTo=" + between)).containsExactly(byClient);
    assertThat(ids(api, "offerId=" + offer + "&submittedFrom=" + between))
        .containsExactly(byManager);
    Api.Response inverted =
        api.get("/api/v1/orders?submittedFrom=" + between + "&submittedTo=" + between);
    assertThat(inverted.status()).isEqualTo(400);
    assertThat(inverted.body().get("errors").get(0).get("field").asText()).isEqualTo("submittedTo");
  }

  private static List<String> ids(Api api, String query) {
    List<String> ids = new ArrayList<>();
    api.get("/api/v1/orders?" + query)
        .body()
        .get("orders")
        .forEach(o -> ids.add(o.get("id").asText()));
    return ids;
  }
}
