package com.chatcommerce.manualpayments.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** A small HTTP client for API tests: never throws on an error status, always returns the body. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient http;

  /** As the embedded demo manager, who may do everything. */
  public Api(int port) {
    this(port, "manager", "manager-demo");
  }

  /** As a demo user of the embedded configuration, or anonymously when {@code user} is null. */
  public Api(int port, String user, String password) {
    // Apache HttpClient, which RestClient picks when it is on the classpath, re-sends a request
    // answered 503 by default, even a POST: a test would then see only the second answer.
    RestClient.Builder builder =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .requestFactory(
                new HttpComponentsClientHttpRequestFactory(
                    HttpClients.custom().disableAutomaticRetries().build()));
    if (user != null) {
      builder.defaultHeaders(h -> h.setBasicAuth(user, password));
    }
    this.http = builder.build();
  }

  public static Api as(int port, String user) {
    return new Api(port, user, user + "-demo");
  }

  /** {@code raw} is the body exactly as the server wrote it. */
  public record Response(
      int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {
    public String text(String field) {
      return body.path(field).asText();
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  public Response get(String path) {
    return send(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON_VALUE);
  }

  /** A GET whose Accept header is {@code accept}. */
  public Response get(String path, String accept) {
    return exchange(http.method(HttpMethod.GET).uri(path).header("Accept", accept));
  }

  /**
   * Every item of a keyset-paged list, {@code items} naming its array: the pages from the first,
   * following nextCursor until it is null. Tests share one database, so what a test made may be on
   * any page.
   */
  public List<JsonNode> everyItem(String path, String items) {
    List<JsonNode> found = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          get(
              path
                  + (path.contains("?") ? "&" : "?")
                  + "limit=100"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      if (page.status() != 200) {
        throw new AssertionError(path + " answered " + page.status() + ": " + page.raw());
      }
      page.body().get(items).forEach(found::add);
      JsonNode next = page.body().get("nextCursor");
      cursor = next.isNull() ? null : next.asText();
    } while (cursor != null);
    return found;
  }

  public Response post(String path, String json) {
    return send(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON_VALUE);
  }

  public Response put(String path, String json) {
    return send(HttpMethod.PUT, path, json, MediaType.APPLICATION_JSON_VALUE);
  }

  public Response send(HttpMethod method, String path, String body, String contentType) {
    return send(method, path, body, contentType, null);
  }

  public Response send(
      HttpMethod method, String path, String body, String contentType, String idempotencyKey) {
    return sendWithHeaders(
        method,
        path,
        body,
        contentType,
        idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
  }

  /** With any request headers. */
  public Response sendWithHeaders(
      HttpMethod method,
      String path,
      String body,
      String contentType,
      Map<String, String> headers) {
    RestClient.RequestBodySpec request = http.method(method).uri(path);
    headers.forEach(request::header);
    if (body != null) {
      request.contentType(MediaType.parseMediaType(contentType)).body(body);
    }
    return exchange(request);
  }

  private static Response exchange(RestClient.RequestBodySpec request) {
    return request.exchange(
        (req, res) -> {
          byte[] bytes = res.getBody().readAllBytes();
          String type =
              res.getHeaders().getContentType() == null
                  ? null
                  : res.getHeaders().getContentType().toString();
          return new Response(
              res.getStatusCode().value(),
              type,
              parse(bytes, type),
              new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
              HttpHeaders.readOnlyHttpHeaders(res.getHeaders()));
        });
  }

  /** JSON bodies as trees; any other body (CSV, HTML) as one text node. */
  private static JsonNode parse(byte[] bytes, String contentType) {
    if (bytes.length == 0) {
      return JSON.missingNode();
    }
    if (contentType == null || !contentType.contains("json")) {
      return TextNode.valueOf(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quotes a value as a JSON string. */
  public static String q(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
