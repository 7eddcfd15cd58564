package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The limits the OpenAPI document gives are the ones the API enforces. The cases come from the
 * document itself, so a field added later is covered without touching this test: every request
 * string one character over its {@code maxLength}, every bounded integer one past its {@code
 * minimum} and its {@code maximum}, every array one item over its {@code maxItems}, in a path,
 * query or header parameter or anywhere in a JSON body. Each is refused with 400 naming the field,
 * before the request does anything.
 */
@IntegrationTest
class DocumentedLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  /** One request that breaks one documented limit; {@code field} is what the 400 must name. */
  private record Case(
      String method,
      String pathTemplate,
      String field,
      String limit,
      Map<String, String> pathValues,
      Map<String, String> query,
      Map<String, String> headers,
      String body,
      String contentType) {

    @Override
    public String toString() {
      return method.toUpperCase() + " " + pathTemplate + " " + field + " " + limit;
    }
  }

  /** A value past a limit, and the limit it breaks. */
  private record Over(JsonNode value, String limit, String suffix) {}

  @Test
  void everyDocumentedLimitOfARequestIsEnforcedWith400NamingTheField() {
    Api api = new Api(port);
    JsonNode document = api.get("/v3/api-docs").body();
    List<Case> cases = cases(document);

    assertThat(cases)
        .extracting(Case::toString)
        .contains(
            "POST /api/v1/orders comment maxLength 1000",
            "POST /api/v1/manual-payments payer.platformUserId maxLength 100",
            "POST /api/v1/orders/{id}/approve amount.amount maxLength 20",
            "POST /api/v1/payment-systems supportedCurrencies maxItems 200",
            "POST /api/v1/payment-systems supportedCurrencies[0] maxLength 3",
            "GET /api/v1/orders limit maximum 100",
            "POST /api/v1/incidents/{incidentKey}/retry retries maximum 10");

    Map<String, Integer> before = rowCounts();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      Api.Response response = send(api, c);
      List<String> named = new ArrayList<>();
      response.body().path("errors").forEach(error -> named.add(error.path("field").asText()));
      if (response.status() != 400 || !named.contains(c.field())) {
        failures.add(c + ": " + response.status() + " " + response.raw());
      }
    }
    assertThat(failures)
        .as("requests past a documented limit that were not refused naming the field")
        .isEmpty();
    assertThat(rowCounts()).as("refused requests change nothing").isEqualTo(before);
  }

  private Map<String, Integer> rowCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String table :
        List.of("payment_systems", "offers", "crm_clients", "exchange_rates", "orders")) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
    }
    return counts;
  }

  private static Api.Response send(Api api, Case c) {
    String path = c.pathTemplate();
    for (Map.Entry<String, String> value : c.pathValues().entrySet()) {
      path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
    }
    StringBuilder query = new StringBuilder();
    c.query()
        .forEach(
            (name, value) ->
                query
                    .append(query.isEmpty() ? "?" : "&")
                    .append(encode(name))
                    .append('=')
                    .append(encode(value)));
    return api.sendWithHeaders(
        HttpMethod.valueOf(c.method().toUpperCase()),
        path + query,
        c.body(),
        c.contentType(),
        c.headers());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // --- cases from the document
  // ---------------------------------------------------------------------

  private static List<Case> cases(JsonNode document) {
    Function<JsonNode, JsonNode> resolve =
        schema -> {
          JsonNode resolved = schema;
          while (resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").asText().substring(1));
          }
          return resolved;
        };
    List<Case> cases = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                METHODS.forEach(
                    method -> {
                      JsonNode operation = path.getValue().get(method);
                      if (operation == null) {
                        return;
                      }
                      Map<String, String> pathFill = new LinkedHashMap<>();
                      List<JsonNode> parameters = new ArrayList<>();
                      operation.path("parameters").forEach(parameters::add);
                      for (JsonNode parameter : parameters) {
                        if (parameter.get("in").asText().equals("path")) {
                          pathFill.put(
                              parameter.get("name").asText(),
                              fill(resolve.apply(parameter.get("schema"))).asText());
                        }
                      }
                      // A body the operation takes, valid enough to be read, so that a parameter's
                      // limit is what fails.
                      String bodyType = null;
                      JsonNode bodySchema = null;
                      JsonNode content = operation.path("requestBody").path("content");
                      if (content.has("application/json")) {
                        bodyType = "application/json";
                        bodySchema = resolve.apply(content.get("application/json").get("schema"));
                      } else if (content.size() > 0) {
                        bodyType = content.fieldNames().next();
                      }
                      String emptyBody =
                          bodyType == null
                              ? null
                              : bodyType.equals("application/json") ? "{}" : "x";

                      for (JsonNode parameter : parameters) {
                        String name = parameter.get("name").asText();
                        String in = parameter.get("in").asText();
                        for (Over over : overs(resolve.apply(parameter.get("schema")), resolve)) {
                          Map<String, String> pathValues = new LinkedHashMap<>(pathFill);
                          Map<String, String> query = new LinkedHashMap<>();
                          Map<String, String> headers = new LinkedHashMap<>();
                          String value =
                              over.value().isTextual()
                                  ? over.value().asText()
                                  : over.value().toString();
                          switch (in) {
                            case "path" -> pathValues.put(name, value);
                            case "query" -> query.put(name, value);
                            case "header" -> headers.put(name, value);
                            default -> throw new IllegalStateException("parameter in " + in);
                          }
                          cases.add(
                              new Case(
                                  method,
                                  path.getKey(),
                                  name,
                                  over.limit(),
                                  pathValues,
                                  query,
                                  headers,
                                  emptyBody,
                                  bodyType));
                        }
                      }
                      if (bodySchema != null) {
                        for (Map.Entry<String, Over> field :
                            bodyOvers(bodySchema, "", resolve, 0).entrySet()) {
                          ObjectNode body = NODES.objectNode();
                          put(body, field.getKey(), field.getValue().value());
                          String name =
                              field.getKey().replaceAll("#\\d+$", "") + field.getValue().suffix();
                          cases.add(
                              new Case(
                                  method,
                                  path.getKey(),
                                  name,
                                  field.getValue().limit(),
                                  pathFill,
                                  Map.of(),
                                  Map.of(),
                                  body.toString(),
                                  bodyType));
                        }
                      }
                    }));
    return cases;
  }

  /** Each leaf of a JSON body with a limit, by its dotted path, with a value past the limit. */
  private static Map<String, Over> bodyOvers(
      JsonNode schema, String prefix, Function<JsonNode, JsonNode> resolve, int depth) {
    Map<String, Over> found = new LinkedHashMap<>();
    if (depth > 5) {
      return found;
    }
    schema
        .path("properties")
        .properties()
        .forEach(
            property -> {
              String path = prefix + property.getKey();
              JsonNode resolved = resolve.apply(property.getValue());
              if (resolved.has("properties")) {
                found.putAll(bodyOvers(resolved, path + ".", resolve, depth + 1));
                return;
              }
              List<Over> overs = overs(resolved, resolve);
              for (int i = 0; i < overs.size(); i++) {
                found.put(i == 0 ? path : path + "#" + i, overs.get(i));
              }
            });
    return found;
  }

  /** Sets a dotted path (with "#n" telling apart two cases of one field) in a JSON object. */
  private static void put(ObjectNode body, String path, JsonNode value) {
    String[] parts = path.replaceAll("#\\d+$", "").split("\\.");
    ObjectNode node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], value);
  }

  /**
   * Values past each limit of one schema: its length, its bounds, its item count and its items'
   * limits.
   */
  private static List<Over> overs(JsonNode schema, Function<JsonNode, JsonNode> resolve) {
    List<Over> overs = new ArrayList<>();
    if (is(schema, "string") && schema.has("maxLength")) {
      int max = schema.get("maxLength").asInt();
      overs.add(new Over(NODES.textNode("1".repeat(max + 1)), "maxLength " + max, ""));
    }
    if (is(schema, "integer")) {
      if (schema.has("maximum")) {
        BigInteger max = schema.get("maximum").bigIntegerValue();
        overs.add(new Over(NODES.numberNode(max.add(BigInteger.ONE)), "maximum " + max, ""));
      }
      if (schema.has("minimum")) {
        BigInteger min = schema.get("minimum").bigIntegerValue();
        overs.add(new Over(NODES.numberNode(min.subtract(BigInteger.ONE)), "minimum " + min, ""));
      }
    }
    if (is(schema, "array")) {
      JsonNode items = resolve.apply(schema.path("items"));
      if (schema.has("maxItems")) {
        int max = schema.get("maxItems").asInt();
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i <= max; i++) {
          array.add(fill(items));
        }
        overs.add(new Over(array, "maxItems " + max, ""));
      }
      for (Over item : overs(items, resolve)) {
        overs.add(
            new Over(NODES.arrayNode().add(item.value()), item.limit(), "[0]" + item.suffix()));
      }
    }
    return overs;
  }

  /** A value within a schema's limits, for the parts of a request that are not under test. */
  private static JsonNode fill(JsonNode schema) {
    if (is(schema, "integer")) {
      return NODES.numberNode(
          schema.has("minimum")
              ? schema.get("minimum").bigIntegerValue().max(BigInteger.ONE)
              : BigInteger.ONE);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    if (is(schema, "string")) {
      return NODES.textNode("A".repeat(Math.min(3, schema.path("maxLength").asInt(3))));
    }
    return NODES.objectNode();
  }

  private static boolean is(JsonNode schema, String type) {
    JsonNode declared = schema.path("type");
    if (declared.isArray()) {
      for (JsonNode t : declared) {
        if (t.asText().equals(type)) {
          return true;
        }
      }
      return false;
    }
    return declared.asText().equals(type);
  }
}
