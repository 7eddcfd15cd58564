package com.chatcommerce.manualpayments.api.idempotency;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The response to the first request per (caller, Idempotency-Key). A key's row is written in the
 * transaction of the request's business writes: both commit, or neither does, so no crash, blip or
 * timing can leave a business write without its record or a record without its write. Until that
 * transaction ends, the uncommitted row is a lock that a twin request waits on.
 */
@Repository
class IdempotencyStore {

  private final JdbcTemplate jdbc;
  private final JdbcTemplate waiting;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Duration lifetime;
  private final int purgeBatchSize;

  IdempotencyStore(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${manual-payments.idempotency.key-lifetime}") Duration lifetime,
      @Value("${manual-payments.idempotency.wait-for-first}") Duration waitForFirst,
      @Value("${manual-payments.idempotency.purge-batch-size}") int purgeBatchSize) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.waiting = new JdbcTemplate(dataSource);
    // JDBC counts whole seconds; a wait below one second would mean no limit at all.
    this.waiting.setQueryTimeout((int) Math.max(1, waitForFirst.toSeconds()));
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.lifetime = lifetime;
    this.purgeBatchSize = purgeBatchSize;
  }

  /**
   * Claims the key for this request in the caller's transaction, waiting at most {@code
   * wait-for-first} for a twin's transaction that holds it.
   *
   * <p>Reads take no locks: a twin that failed to insert holds a shared lock on the key's row until
   * its transaction ends, and twins that then asked for an exclusive one deadlocked each other.
   *
   * @return empty when the key is now this request's; else the response stored under it
   * @throws org.springframework.dao.QueryTimeoutException the twin's transaction did not end in
   *     time
   * @throws PessimisticLockingFailureException likewise, as some databases report it
   */
  Optional<Entry> claim(String principal, String key, String fingerprint) {
    Instant now = clock.instant();
    while (true) {
      Optional<Entry> stored = read(principal, key);
      if (stored.isPresent() && stored.get().live(now.minus(lifetime))) {
        return stored;
      }
      try {
        if (stored.isPresent()) {
          // Conditional on the expired row's time: of two twins taking it over, the second updates
          // nothing.
          if (waiting.update(
                  "update idempotency_keys set fingerprint = ?, status_code = null, content_type = null,"
                      + " response_body = null, created_at = ?, completed_at = null"
                      + " where principal = ? and idempotency_key = ? and created_at = ?",
                  fingerprint,
                  Timestamp.from(now),
                  principal,
                  key,
                  Timestamp.from(stored.get().createdAt()))
              == 1) {
            return Optional.empty();
          }
        } else {
          waiting.update(
              "insert into idempotency_keys (principal, idempotency_key, fingerprint, created_at) values (?,?,?,?)",
              principal,
              key,
              fingerprint,
              Timestamp.from(now));
          return Optional.empty();
        }
      } catch (DuplicateKeyException twinCommitted) {
        // Read the twin's response on the next turn.
      } catch (PessimisticLockingFailureException e) {
        if (!isDeadlock(e)) {
          throw e;
        }
        // Twins waiting on a key whose holder rolled back deadlock on it; the database chose this
        // one and rolled back its transaction, which held nothing else yet.
      }
    }
  }

  private static boolean isDeadlock(PessimisticLockingFailureException e) {
    return e.getMostSpecificCause() instanceof SQLException sql
        && "40001".equals(sql.getSQLState());
  }

  private Optional<Entry> read(String principal, String key) {
    return jdbc
        .query(
            "select fingerprint, status_code, content_type, response_body, created_at from idempotency_keys"
                + " where principal = ? and idempotency_key = ?",
            (rs, n) ->
                new Entry(
                    rs.getString(1),
                    (Integer) rs.getObject(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()),
            principal,
            key)
        .stream()
        .findFirst();
  }

  /** A key's row: the first request's fingerprint and, once it answered, its response. */
  record Entry(
      String fingerprint, Integer status, String contentType, String body, Instant createdAt) {
    /**
     * A row without a response was claimed by an earlier version, which committed claims on their
     * own.
     */
    boolean live(Instant expiredBefore) {
      return status != null && createdAt.isAfter(expiredBefore);
    }
  }

  /** Stores the response under the key this request claimed, in the caller's transaction. */
  void complete(String principal, String key, int status, String contentType, String body) {
    jdbc.update(
        "update idempotency_keys set status_code = ?, content_type = ?, response_body = ?, completed_at = ?"
            + " where principal = ? and idempotency_key = ?",
        status,
        contentType,
        body,
        Timestamp.from(clock.instant()),
        principal,
        key);
  }

  /**
   * Stores a refusal (4xx) whose business transaction was rolled back, in a transaction of its own.
   * A twin that claimed the key meanwhile ran the request itself and keeps its own response.
   */
  void completeRefusal(
      String principal,
      String key,
      String fingerprint,
      int status,
      String contentType,
      String body) {
    Instant now = clock.instant();
    ownTransaction.executeWithoutResult(
        tx -> {
          try {
            waiting.update(
                "insert into idempotency_keys (principal, idempotency_key, fingerprint, status_code, content_type,"
                    + " response_body, created_at, completed_at) values (?,?,?,?,?,?,?,?)",
                principal,
                key,
                fingerprint,
                status,
                contentType,
                body,
                Timestamp.from(now),
                Timestamp.from(now));
          } catch (DuplicateKeyException twinRanIt) {
            // The twin's response stands.
          }
        });
  }

  /**
   * Deletes at most one batch of expired keys in a transaction of its own, oldest first.
   *
   * @return how many it deleted
   */
  int purgeExpiredBatch() {
    Timestamp expiredBefore = Timestamp.from(clock.instant().minus(lifetime));
    Integer deleted =
        ownTransaction.execute(
            tx -> {
              List<Object[]> keys =
                  jdbc.query(
                      "select principal, idempotency_key from idempotency_keys where created_at < ?"
                          + " order by created_at limit ?",
                      (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), expiredBefore},
                      expiredBefore,
                      purgeBatchSize);
              if (keys.isEmpty()) {
                return 0;
              }
              // created_at again: a key claimed afresh since the select is no longer expired and
              // stays.
              jdbc.batchUpdate(
                  "delete from idempotency_keys where principal = ? and idempotency_key = ? and created_at < ?",
                  keys);
              return keys.size();
            });
    return deleted == null ? 0 : deleted;
  }

  int purgeBatchSize() {
    return purgeBatchSize;
  }
}
