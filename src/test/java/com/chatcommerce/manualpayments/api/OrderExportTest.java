package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV export of a large history: it is never cut off, however slowly its caller reads; a
 * bounded number run at once; a caller that accepts only JSON gets 406. The 50,000 orders are
 * inserted as rows (no process behind them), which is all an export reads.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderExportTest {

  private static final int ORDERS = 50_000;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Value("${spring.mvc.async.request-timeout}")
  Duration asyncTimeout;

  @Value("${manual-payments.export.max-concurrent}")
  int maxExports;

  private long client;
  private long emptyClient;
  private String oldest;

  @BeforeAll
  void insertOrders() {
    Fixtures fixtures = new Fixtures(new Api(port));
    long paymentSystem = fixtures.cashDesk();
    long offer = fixtures.offer(paymentSystem, "100.00", "RUB", null);
    client = fixtures.client();
    emptyClient = fixtures.client();
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    List<Object[]> rows = new ArrayList<>(ORDERS);
    for (int i = 0; i < ORDERS; i++) {
      Timestamp at = Timestamp.from(start.plusSeconds(i));
      String id = UUID.randomUUID().toString();
      if (i == 0) {
        oldest = id;
      }
      rows.add(new Object[] {id, client, offer, paymentSystem, "order " + i, at, at});
    }
    // The pool's connections do not auto-commit.
    transaction.executeWithoutResult(
        status ->
            jdbc.batchUpdate(
                """
        INSERT INTO orders (id, source, status, client_id, offer_id, payment_system_id, submitted_amount,
          submitted_currency, final_amount, final_currency, payment_date, comment, fee_amount, fee_currency,
          net_amount, net_currency, review_timeout, review_deadline, submitted_at, updated_at, version,
          terms_commission_percent, terms_account_currency, terms_transaction_currency, terms_supported_currencies)
        VALUES (?, 'CLIENT', 'APPROVED', ?, ?, ?, 100, 'RUB', 100, 'RUB', '2020-01-01', ?, 12.5, 'RUB', 87.5,
          'RUB', 'P30D', '2020-02-01', ?, ?, 0, 12.5, 'RUB', 'RUB', 'RUB')""",
                rows));
  }

  @AfterAll
  void deleteOrders() {
    transaction.executeWithoutResult(
        status -> jdbc.update("DELETE FROM orders WHERE client_id = ?", client));
  }

  @Test
  void slowReaderGetsEveryOrderLongAfterTheAsyncTimeout() throws IOException {
    long began = System.nanoTime();
    String csv;
    try (Socket socket = export("clientId=" + client)) {
      csv = readSlowly(socket.getInputStream(), 4_000_000);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    assertThat(took)
        .as("the export outlasted the async request timeout")
        .isGreaterThan(asyncTimeout.multipliedBy(2));
    assertThat(csv).startsWith("HTTP/1.1 200");
    String[] lines = csv.substring(csv.indexOf("\r\n\r\n") + 4).split("\r\n");
    assertThat(lines).hasSize(ORDERS + 1);
    assertThat(lines[ORDERS]).as("the oldest order, last").startsWith(oldest + ",APPROVED,");
  }

  @Test
  void exportsBeyondTheLimitAreRefusedUntilOneEnds() throws IOException {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < maxExports; i++) {
        Socket socket = export("clientId=" + client);
        stalled.add(socket);
        assertThat(readStatusLine(socket.getInputStream()))
            .as("export %d runs", i + 1)
            .startsWith("HTTP/1.1 200");
      }

      Api.Response refused =
          new Api(port).get("/api/v1/orders/export.csv?clientId=" + emptyClient, "text/csv");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.header("Retry-After")).isEqualTo("10");
    } finally {
      for (Socket socket : stalled) {
        socket.setSoLinger(true, 0);
        socket.close();
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                new Api(port)
                        .get("/api/v1/orders/export.csv?clientId=" + emptyClient, "text/csv")
                        .status()
                    == 200);
  }

  @Test
  void callerThatAcceptsOnlyJsonGetsNotAcceptable() {
    Api.Response response =
        new Api(port).get("/api/v1/orders/export.csv?clientId=" + emptyClient, "application/json");
    assertThat(response.status()).isEqualTo(406);
    assertThat(response.contentType()).contains("json");
    assertThat(response.raw()).doesNotContain("does not exist");
    assertThat(
            new Api(port)
                .get(
                    "/api/v1/orders/export.csv?clientId=" + emptyClient, "text/*, application/json")
                .status())
        .isEqualTo(200);
  }

  /**
   * An export requested over a socket that buffers little, so the server writes only as fast as it
   * is read.
   */
  private Socket export(String query) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(16 * 1024);
    socket.connect(new InetSocketAddress("localhost", port));
    socket.setSoTimeout(30_000);
    socket
        .getOutputStream()
        .write(
            ("GET /api/v1/orders/export.csv?"
                    + query
                    + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic "
                    + credentials()
                    + "\r\nAccept: text/csv\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private static String credentials() {
    return Base64.getEncoder()
        .encodeToString("manager:manager-demo".getBytes(StandardCharsets.UTF_8));
  }

  private static String readStatusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString();
  }

  /**
   * Reads to the end at no more than {@code bytesPerSecond}, and undoes HTTP/1.1 chunking if the
   * server chunked.
   */
  private static String readSlowly(InputStream in, long bytesPerSecond) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8 * 1024];
    long began = System.nanoTime();
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      read.write(buffer, 0, n);
      long due = began + read.size() * 1_000_000_000L / bytesPerSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        sleep(Duration.ofNanos(wait));
      }
    }
    return dechunk(read.toString(StandardCharsets.UTF_8));
  }

  private static String dechunk(String response) {
    int bodyStart = response.indexOf("\r\n\r\n") + 4;
    String head = response.substring(0, bodyStart);
    if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
      return response;
    }
    StringBuilder body = new StringBuilder();
    int at = bodyStart;
    while (true) {
      int lineEnd = response.indexOf("\r\n", at);
      int size = Integer.parseInt(response.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return head + body;
      }
      // Chunk sizes count bytes; this CSV is all ASCII, so bytes are characters.
      body.append(response, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
