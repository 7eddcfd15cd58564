package com.chatcommerce.manualpayments.api.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first request per (caller, Idempotency-Key), and its response once there is one. Each method
 * is its own short transaction, committed before the request goes on: connections have no
 * auto-commit.
 */
@Repository
class IdempotencyStore {

  /** A claim this old whose request never finished (a crash) may be taken over. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Entry(String fingerprint, Integer status, String contentType, String body, Instant createdAt) {
    boolean completed() {
      return status != null;
    }
  }

  /** Claims the key for this request; empty when the claim is new, else what is stored under it. */
  @Transactional
  Optional<Entry> claim(String principal, String key, String fingerprint) {
    Instant now = clock.instant();
    try {
      jdbc.update("insert into idempotency_keys (principal, idempotency_key, fingerprint, created_at) values (?,?,?,?)",
          principal, key, fingerprint, Timestamp.from(now));
      return Optional.empty();
    } catch (DuplicateKeyException taken) {
      Optional<Entry> existing = find(principal, key);
      if (existing.isPresent() && !existing.get().completed()
          && existing.get().createdAt().isBefore(now.minus(ABANDONED_AFTER))) {
        int takenOver = jdbc.update(
            "update idempotency_keys set fingerprint = ?, created_at = ? where principal = ? and idempotency_key = ?"
                + " and status_code is null and created_at = ?",
            fingerprint, Timestamp.from(now), principal, key, Timestamp.from(existing.get().createdAt()));
        if (takenOver == 1) {
          return Optional.empty();
        }
        return find(principal, key);
      }
      return existing;
    }
  }

  @Transactional(readOnly = true)
  Optional<Entry> find(String principal, String key) {
    return jdbc.query(
            "select fingerprint, status_code, content_type, response_body, created_at from idempotency_keys"
                + " where principal = ? and idempotency_key = ?",
            (rs, n) -> new Entry(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant()),
            principal, key)
        .stream()
        .findFirst();
  }

  @Transactional
  void complete(String principal, String key, int status, String contentType, String body) {
    jdbc.update(
        "update idempotency_keys set status_code = ?, content_type = ?, response_body = ?, completed_at = ?"
            + " where principal = ? and idempotency_key = ?",
        status, contentType, body, Timestamp.from(clock.instant()), principal, key);
  }

  /** Frees the key after a failure worth retrying (5xx), so that the client's retry runs. */
  @Transactional
  void release(String principal, String key) {
    jdbc.update("delete from idempotency_keys where principal = ? and idempotency_key = ? and status_code is null",
        principal, key);
  }
}
