package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Request bodies are limited (64 KiB by default) and refused before they are read; error messages
 * quote only the start of a bad value. The oversized requests go over a raw socket, so that the
 * test controls how much of the body the server can have read when it answers.
 */
@IntegrationTest
class RequestLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Value("${manual-payments.max-request-body}")
  DataSize limit;

  private long offer;
  private long client;

  @BeforeEach
  void setUp() {
    Fixtures fixtures = new Fixtures(new Api(port));
    offer = fixtures.offer(fixtures.cashDesk(), "100.00", "RUB", null);
    client = fixtures.client();
  }

  @ParameterizedTest(name = "Idempotency-Key: {0}")
  @ValueSource(strings = {"", "too-large-declared"})
  void bodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsSent(String idempotencyKey)
      throws IOException {
    String head =
        "POST /api/v1/orders HTTP/1.1\r\n"
            + headers(idempotencyKey)
            + "Content-Length: "
            + 15_000_000
            + "\r\n\r\n";

    RawResponse response = exchange(head, "{\"clientId\":" + client + ",\"comment\":\"");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("body");
    assertThat(ordersOfClient()).isZero();
    assertKeyLeftUnused(idempotencyKey);
  }

  @ParameterizedTest(name = "Idempotency-Key: {0}")
  @ValueSource(strings = {"", "too-large-chunked"})
  void chunkedBodyIsRefusedOnceItPassesTheLimit(String idempotencyKey) throws IOException {
    String head =
        "POST /api/v1/orders HTTP/1.1\r\n"
            + headers(idempotencyKey)
            + "Transfer-Encoding: chunked\r\n\r\n";
    String start = "{\"clientId\":" + client + ",\"offerId\":" + offer + ",\"comment\":\"";
    String filler = "x".repeat(limitBytes() + 1024);
    // The closing chunk never comes: the answer must not wait for the end of the body.
    String chunks =
        Integer.toHexString(start.length())
            + "\r\n"
            + start
            + "\r\n"
            + Integer.toHexString(filler.length())
            + "\r\n"
            + filler
            + "\r\n";

    RawResponse response = exchange(head, chunks);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(ordersOfClient()).isZero();
    assertKeyLeftUnused(idempotencyKey);
  }

  /**
   * A refused body must not use up its Idempotency-Key: the same key with a good body then runs as
   * a first request, not a replay of the 413.
   */
  private void assertKeyLeftUnused(String idempotencyKey) {
    if (idempotencyKey.isEmpty()) {
      return;
    }
    Api.Response retried =
        new Api(port)
            .send(
                HttpMethod.POST,
                "/api/v1/orders",
                "{\"clientId\":" + client + ",\"offerId\":" + offer + "}",
                "application/json",
                idempotencyKey);
    assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
    assertThat(retried.headers().getFirst("Idempotent-Replayed")).isNull();
    assertThat(ordersOfClient()).isEqualTo(1);
  }

  @Test
  void imageBodyIsLeftToTheEndpointThatTakesIt() throws IOException {
    String image = "x".repeat(limitBytes() * 2);
    String head =
        "POST /api/v1/orders HTTP/1.1\r\n"
            + headers("").replace("application/json", "image/png")
            + "Content-Length: "
            + image.length()
            + "\r\n\r\n";

    RawResponse response = exchange(head, image);

    assertThat(response.status())
        .as("not 413: an image's endpoint has its own limit")
        .isEqualTo(415);
  }

  @Test
  void bodyWithinTheLimitIsRead() {
    String comment = "x".repeat(limitBytes() - 200);
    Api.Response response =
        new Api(port)
            .post(
                "/api/v1/orders",
                "{\"clientId\":"
                    + client
                    + ",\"offerId\":"
                    + offer
                    + ",\"comment\":\""
                    + comment
                    + "\"}");

    assertThat(response.status()).as("read whole, refused for its comment").isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("comment");
  }

  @Test
  void badValueIsQuotedOnlyByItsStart() {
    String date = "2026-" + "9".repeat(60_000);
    Api.Response response =
        new Api(port)
            .post(
                "/api/v1/orders",
                "{\"clientId\":"
                    + client
                    + ",\"offerId\":"
                    + offer
                    + ",\"paymentDate\":\""
                    + date
                    + "\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("paymentDate");
    assertThat(response.raw()).contains("2026-999").hasSizeLessThan(1000);
  }

  @Test
  void badQueryValueIsQuotedOnlyByItsStart() {
    Api.Response response =
        new Api(port).get("/api/v1/orders?submittedFrom=2026-" + "1".repeat(4000));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asText())
        .isEqualTo("submittedFrom");
    assertThat(response.raw()).contains("2026-111").hasSizeLessThan(1000);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/orders//approve",
        "/api/v1/orders;jsessionid=1",
        "/api/v1/orders/%2e%2e/x",
        "/api/v1/orders/%0a"
      })
  void urlTheFirewallRefusesGetsAProblemThatQuotesNothingOfIt(String path) throws IOException {
    RawResponse refused =
        exchange(
            "POST " + path + " HTTP/1.1\r\n" + headers("") + "Content-Length: 2\r\n\r\n", "{}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.body().get("status").asInt()).isEqualTo(400);
    assertThat(refused.body().get("title").asText()).isEqualTo("Bad Request");
    assertThat(refused.body().get("detail").asText())
        .isEqualTo("the request's URL or headers are not accepted");
    assertThat(refused.body().toString()).doesNotContain("approve", "jsessionid", "%");
  }

  @Test
  void idempotencyKeySentTwiceIsRefusedAndChangesNothing() throws IOException {
    int before = ordersOfClient();
    String body = "{\"offerId\":" + offer + ",\"clientId\":" + client + "}";

    RawResponse refused =
        exchange(
            "POST /api/v1/orders HTTP/1.1\r\n"
                + headers("twice-1")
                + "Idempotency-Key: twice-2\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n",
            body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.body().get("errors").get(0).get("field").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(refused.body().get("detail").asText())
        .isEqualTo("Idempotency-Key must be sent once");
    assertThat(ordersOfClient()).isEqualTo(before);
    assertKeyLeftUnused("twice-1");
  }

  private int limitBytes() {
    return Math.toIntExact(limit.toBytes());
  }

  private int ordersOfClient() {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM orders WHERE client_id = ?", Integer.class, client);
  }

  private String headers(String idempotencyKey) {
    String credentials =
        Base64.getEncoder().encodeToString("manager:manager-demo".getBytes(StandardCharsets.UTF_8));
    return "Host: localhost:"
        + port
        + "\r\nAuthorization: Basic "
        + credentials
        + "\r\n"
        + "Content-Type: application/json\r\n"
        + (idempotencyKey.isEmpty() ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n");
  }

  private record RawResponse(int status, String contentType, JsonNode body) {}

  /** Sends the head and part of a body, keeps the connection open, and reads the answer. */
  private RawResponse exchange(String head, String bodyPart) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bodyPart.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String headers = readHeaders(in);
      int status = Integer.parseInt(headers.substring(9, 12));
      String contentType = header(headers, "content-type");
      return new RawResponse(status, contentType, JSON.readTree(readBody(in, headers)));
    }
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the response's headers ended: " + read);
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.US_ASCII);
  }

  private static byte[] readBody(InputStream in, String headers) throws IOException {
    if ("chunked".equalsIgnoreCase(header(headers, "transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        body.write(in.readNBytes(size));
        in.readNBytes(2);
      }
      return body.toByteArray();
    }
    String length = header(headers, "content-length");
    return length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
  }

  private static int chunkSize(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed inside a chunked body");
      }
      line.append((char) b);
    }
    return Integer.parseInt(line.toString().trim(), 16);
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase().startsWith(name + ":")) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }
}
