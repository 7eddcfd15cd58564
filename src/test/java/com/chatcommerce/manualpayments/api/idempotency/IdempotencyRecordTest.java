package com.chatcommerce.manualpayments.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Idempotency-Key's record commits with the request's business write, is kept as long as it
 * must be, and a repeat waits for its running twin on a lock, not in a polling loop.
 */
@IntegrationTest
class IdempotencyRecordTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired Clock clock;
  @Autowired IdempotencyStore store;
  @Autowired IdempotencyKeyPurge purge;
  @Autowired TransactionTemplate transaction;

  @Value("${manual-payments.idempotency.wait-for-first}")
  Duration waitForFirst;

  @Value("${manual-payments.idempotency.purge-batch-size}")
  int purgeBatchSize;

  private Api api;
  private long offer;
  private long client;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    offer = fixtures.offer(fixtures.cashDesk(), "1500.00", "RUB", null);
    client = fixtures.client();
  }

  @Test
  void paymentSystemWhoseEscapedResponseExceedsEightThousandCharactersIsCreatedOnceUnderOneKey() {
    String name = "Long description " + UUID.randomUUID();
    String body = paymentSystem(name, "<".repeat(1500));
    String key = UUID.randomUUID().toString();

    Api.Response first =
        api.send(HttpMethod.POST, "/api/v1/payment-systems", body, "application/json", key);
    Api.Response again =
        api.send(HttpMethod.POST, "/api/v1/payment-systems", body, "application/json", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.raw().length()).isGreaterThan(9000);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.raw()).isEqualTo(first.raw());
    assertThat(paymentSystemsNamed(name)).isEqualTo(1);
  }

  @Test
  void failureBetweenTheBusinessWriteAndItsRecordRollsBothBackSoTheRetryCreatesOnce() {
    String name = "record-fails " + UUID.randomUUID();
    String body = paymentSystem(name, "a cash desk");
    String key = UUID.randomUUID().toString();
    jdbc.execute(
        "create trigger idempotency_record_fails before update on idempotency_keys for each row"
            + " begin if new.response_body like '%record-fails%' then"
            + " signal sqlstate '45000' set message_text = 'connection lost while storing the record'; end if; end");
    Api.Response failed;
    try {
      failed = api.send(HttpMethod.POST, "/api/v1/payment-systems", body, "application/json", key);
    } finally {
      jdbc.execute("drop trigger idempotency_record_fails");
    }
    Api.Response retried =
        api.send(HttpMethod.POST, "/api/v1/payment-systems", body, "application/json", key);

    assertThat(failed.status()).isEqualTo(503);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(paymentSystemsNamed(name)).isEqualTo(1);
  }

  @Test
  void sameJsonWithOtherSpacingAndMemberOrderIsARepeatButAChangedValueIsRefused() {
    String key = UUID.randomUUID().toString();
    String body = "{\"clientId\":" + client + ",\"offerId\":" + offer + ",\"comment\":\"same\"}";
    String respaced =
        "{\n  \"comment\" : \"same\",\n  \"offerId\" : "
            + offer
            + ",\n  \"clientId\" : "
            + client
            + "\n}";
    String changed =
        "{\"clientId\":" + client + ",\"offerId\":" + offer + ",\"comment\":\"other\"}";

    Api.Response first = api.send(HttpMethod.POST, "/api/v1/orders", body, "application/json", key);
    Api.Response repeat =
        api.send(HttpMethod.POST, "/api/v1/orders", respaced, "application/json", key);
    Api.Response other =
        api.send(HttpMethod.POST, "/api/v1/orders", changed, "application/json", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(repeat.status()).isEqualTo(201);
    assertThat(repeat.text("id")).isEqualTo(first.text("id"));
    assertThat(other.status()).isEqualTo(422);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where client_id = ?", Long.class, client))
        .isEqualTo(1);
  }

  @Test
  void refusalWhoseTransactionRolledBackIsStillReplayedUnderItsKey() {
    String key = UUID.randomUUID().toString();
    String unknownClient = "{\"clientId\":" + Long.MAX_VALUE + ",\"offerId\":" + offer + "}";

    Api.Response first =
        api.send(HttpMethod.POST, "/api/v1/orders", unknownClient, "application/json", key);
    Api.Response again =
        api.send(HttpMethod.POST, "/api/v1/orders", unknownClient, "application/json", key);

    assertThat(first.status()).isEqualTo(400);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.raw()).isEqualTo(first.raw());
    assertThat(
            jdbc.queryForObject(
                "select status_code from idempotency_keys where principal = 'manager'"
                    + " and idempotency_key = ?",
                Integer.class,
                key))
        .isEqualTo(400);
  }

  @Test
  void repeatWaitsOnTheRunningTwinsLockAndRunsOnceTheTwinRollsBack() throws Exception {
    String key = UUID.randomUUID().toString();
    try (Connection twin = dataSource.getConnection()) {
      claimWithoutCommit(twin, key);
      CompletableFuture<Api.Response> repeat = CompletableFuture.supplyAsync(() -> submit(key));
      Thread.sleep(500);
      assertThat(repeat).as("waits while the twin's transaction holds the key").isNotDone();

      twin.rollback();

      assertThat(repeat.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where client_id = ?", Long.class, client))
        .isEqualTo(1);
  }

  @Test
  void repeatWhoseTwinOutlastsTheWaitGets409WithRetryAfterAndChangesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    Api.Response repeat;
    try (Connection twin = dataSource.getConnection()) {
      claimWithoutCommit(twin, key);
      repeat = submit(key);
      twin.rollback();
    }

    assertThat(repeat.status()).isEqualTo(409);
    assertThat(repeat.headers().getFirst("Retry-After"))
        .isEqualTo(Long.toString(waitForFirst.toSeconds()));
    assertThat(repeat.body().get("errors").get(0).get("field").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from orders where client_id = ?", Long.class, client))
        .isZero();
    assertThat(submit(key).status()).isEqualTo(201);
  }

  @Test
  void keyOlderThanItsLifetimeIsNewAgain() {
    String key = UUID.randomUUID().toString();
    Timestamp dayAndHourAgo = Timestamp.from(clock.instant().minus(Duration.ofHours(25)));
    transaction.executeWithoutResult(
        t ->
            jdbc.update(
                "insert into idempotency_keys (principal, idempotency_key,"
                    + " fingerprint, status_code, content_type, response_body, created_at, completed_at)"
                    + " values ('manager', ?, 'another request', 201, 'application/json', '{}', ?, ?)",
                key,
                dayAndHourAgo,
                dayAndHourAgo));

    Api.Response response = submit(key);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.text("clientId")).isEqualTo(Long.toString(client));
  }

  @Test
  void expiredKeysArePurgedInBoundedBatchesAndLiveKeysStay() {
    String principal = "purge-" + UUID.randomUUID();
    Instant now = clock.instant();
    // More than two batches' worth, so that the purge must go on after a full batch.
    for (int i = 0; i < 2 * purgeBatchSize + 1; i++) {
      storedKey(principal, "expired-" + i, now.minus(Duration.ofHours(24)).minusSeconds(i + 1));
    }
    storedKey(principal, "live", now.minus(Duration.ofHours(23)));

    int firstBatch = store.purgeExpiredBatch();
    purge.purgeExpiredKeys();

    assertThat(firstBatch).isEqualTo(purgeBatchSize);
    assertThat(
            jdbc.queryForList(
                "select idempotency_key from idempotency_keys where principal = ?",
                String.class,
                principal))
        .containsExactly("live");
  }

  @Test
  void anIndexLeadsWithTheCreationTimeThatThePurgeSearches() {
    assertThat(
            jdbc.queryForList(
                "select column_name from information_schema.statistics where table_schema ="
                    + " database() and table_name = 'idempotency_keys' and seq_in_index = 1",
                String.class))
        .contains("created_at");
  }

  private Api.Response submit(String key) {
    return api.send(
        HttpMethod.POST,
        "/api/v1/orders",
        "{\"clientId\":" + client + ",\"offerId\":" + offer + "}",
        "application/json",
        key);
  }

  /** What a twin request holds while it runs: the key's row, inserted and not committed. */
  private static void claimWithoutCommit(Connection twin, String key) throws Exception {
    twin.setAutoCommit(false);
    try (PreparedStatement insert =
        twin.prepareStatement(
            "insert into idempotency_keys (principal,"
                + " idempotency_key, fingerprint, created_at) values ('manager', ?, 'twin', ?)")) {
      insert.setString(1, key);
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
  }

  private void storedKey(String principal, String key, Instant createdAt) {
    transaction.executeWithoutResult(
        t ->
            jdbc.update(
                "insert into idempotency_keys (principal, idempotency_key,"
                    + " fingerprint, status_code, created_at) values (?, ?, 'f', 201, ?)",
                principal,
                key,
                Timestamp.from(createdAt)));
  }

  private long paymentSystemsNamed(String name) {
    return jdbc.queryForObject(
        "select count(*) from payment_systems where name = ?", Long.class, name);
  }

  private static String paymentSystem(String name, String description) {
    return "{\"name\":"
        + Api.q(name)
        + ",\"description\":"
        + Api.q(description)
        + ",\"commissionPercent\":\"2.5\","
        + "\"fixedFee\":{\"amount\":\"10.00\",\"currency\":\"RUB\"},\"accountCurrency\":\"RUB\","
        + "\"transactionCurrency\":\"RUB\",\"supportedCurrencies\":[\"RUB\"]}";
  }
}
