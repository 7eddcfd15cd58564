package com.chatcommerce.manualpayments.api.idempotency;

import com.chatcommerce.manualpayments.api.ApiLimits;
import com.chatcommerce.manualpayments.api.limits.BufferedBodyRequest;
import com.chatcommerce.manualpayments.error.Problems;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Makes every POST of the API that carries an {@code Idempotency-Key} happen once: the first
 * request runs and its response is stored; a repeat with the same request (the same JSON, however
 * spaced and ordered) gets that response again (header {@code Idempotent-Replayed: true}) while
 * nothing runs twice; a repeat with another request gets 422.
 *
 * <p>The whole request runs in one transaction that the key's row opens: the handler's business
 * writes join it, and the response is stored in it before it commits. A crash, a blip or a failed
 * commit rolls back the writes and the key together, so the retry runs the request as if first. A
 * repeat that arrives while the first is running waits on the key's row lock until the first
 * commits (then it replays) or rolls back (then it runs); after {@code wait-for-first} it gets 409
 * with {@code Retry-After}. Runs after Spring Security, so keys are scoped to the caller.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID_KEY = Pattern.compile(ApiLimits.IDEMPOTENCY_KEY_PATTERN);
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

  /**
   * The body limit has read a JSON body already; an image body, which it leaves to its endpoint, is
   * read here no further than this.
   */
  private static final int FINGERPRINTED_BODY_LIMIT = 1 << 20;

  private final IdempotencyStore store;
  private final PlatformTransactionManager transactions;
  private final ObjectMapper json;
  private final ObjectMapper canonicalJson;
  private final String retryAfterSeconds;

  IdempotencyFilter(
      IdempotencyStore store,
      PlatformTransactionManager transactions,
      ObjectMapper json,
      @Value("${manual-payments.idempotency.wait-for-first}") Duration waitForFirst) {
    this.store = store;
    this.transactions = transactions;
    this.json = json;
    this.canonicalJson =
        JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Numbers keep their exact text: 5 and 5.0 are different requests to this API.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    this.retryAfterSeconds = Long.toString(Math.max(1, waitForFirst.toSeconds()));
  }

  /** The requests an Idempotency-Key makes happen once: every POST of the API. */
  static boolean covers(String method, String path) {
    return "POST".equals(method) && path.startsWith("/api/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(HEADER) == null
        || !covers(request.getMethod(), request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    // A repeated header is one key to this filter but "k1,k2" to the handler: refuse it.
    if (Collections.list(request.getHeaders(HEADER)).size() > 1) {
      problem(response, HttpStatus.BAD_REQUEST, "Invalid input", HEADER + " must be sent once");
      return;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      problem(
          response,
          HttpStatus.BAD_REQUEST,
          "Invalid input",
          HEADER + " must be 1 to 100 letters, digits or _.:-");
      return;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String principal = caller == null ? "anonymous" : caller.getName();
    // The body limit has read a JSON body into memory already; only a body it left alone is read.
    HttpServletRequest forwarded = request;
    BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
    if (buffered == null) {
      buffered =
          new BufferedBodyRequest(
              request, request.getInputStream().readNBytes(FINGERPRINTED_BODY_LIMIT));
      forwarded = buffered;
    }
    String fingerprint = fingerprint(request, buffered.body());

    TransactionStatus tx;
    try {
      tx = transactions.getTransaction(TransactionDefinition.withDefaults());
    } catch (TransactionException e) {
      unavailable(response, e);
      return;
    }
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    try {
      Optional<IdempotencyStore.Entry> stored;
      try {
        stored = store.claim(principal, key, fingerprint);
      } catch (QueryTimeoutException | PessimisticLockingFailureException twinStillRunning) {
        transactions.rollback(tx);
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        problem(
            response,
            HttpStatus.CONFLICT,
            "Request in progress",
            "the first request with this " + HEADER + " is still running; retry later");
        return;
      }
      if (stored.isPresent()) {
        transactions.rollback(tx);
        answerRepeat(response, stored.get(), fingerprint);
        return;
      }
      chain.doFilter(forwarded, recorded);
      int status = recorded.getStatus();
      String body = new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8);
      if (status >= 500) {
        transactions.rollback(tx);
      } else if (status >= 400 && tx.isRollbackOnly()) {
        transactions.rollback(tx);
        refusal(principal, key, fingerprint, status, recorded.getContentType(), body);
      } else {
        store.complete(principal, key, status, recorded.getContentType(), body);
        transactions.commit(tx);
      }
      recorded.copyBodyToResponse();
    } catch (DataAccessException | TransactionException e) {
      rollbackIfOpen(tx);
      response.reset();
      unavailable(response, e);
    } catch (RuntimeException | ServletException | IOException e) {
      rollbackIfOpen(tx);
      throw e;
    }
  }

  private void answerRepeat(
      HttpServletResponse response, IdempotencyStore.Entry entry, String fingerprint)
      throws IOException {
    if (!entry.fingerprint().equals(fingerprint)) {
      problem(
          response,
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Idempotency-Key reused",
          "this " + HEADER + " was used for a different request");
      return;
    }
    response.setStatus(entry.status());
    response.setHeader("Idempotent-Replayed", "true");
    if (entry.contentType() != null) {
      response.setContentType(entry.contentType());
    }
    if (entry.body() != null) {
      response.getOutputStream().write(entry.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A refusal rolled its transaction back, and with it the key. It wrote nothing, so storing it on
   * its own is safe; failing to store it only means that a retry is refused afresh.
   */
  private void refusal(
      String principal,
      String key,
      String fingerprint,
      int status,
      String contentType,
      String body) {
    try {
      store.completeRefusal(principal, key, fingerprint, status, contentType, body);
    } catch (DataAccessException | TransactionException e) {
      LOG.warn(
          "refusal for {} {} not stored; a retry will be refused afresh: {}",
          HEADER,
          key,
          e.getMessage());
    }
  }

  private void rollbackIfOpen(TransactionStatus tx) {
    if (!tx.isCompleted()) {
      try {
        transactions.rollback(tx);
      } catch (TransactionException | DataAccessException e) {
        // JPA reports a rollback its lost connection refused as a DataAccessException.
        LOG.warn(
            "rollback failed; the database drops the transaction with its connection: {}",
            e.getMessage());
      }
    }
  }

  private void unavailable(HttpServletResponse response, Exception e) throws IOException {
    LOG.warn("database unavailable: {}", e.getMessage());
    problem(
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        "Database unavailable",
        "the request did not take effect, or did and a retry with the same "
            + HEADER
            + " gets its response;"
            + " retry it later");
  }

  /**
   * Of the method, the path with its query and the body; a JSON body by its meaning, not its bytes.
   */
  private String fingerprint(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          (request.getMethod()
                  + " "
                  + request.getRequestURI()
                  + "?"
                  + request.getQueryString()
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
      sha.update(canonical(body));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON body with its members sorted and no spacing; any other body as it came. */
  private byte[] canonical(byte[] body) {
    try {
      return canonicalJson.writeValueAsBytes(canonicalJson.readValue(body, Object.class));
    } catch (IOException notJson) {
      return body;
    }
  }

  /** Every problem of this filter is about the key, so it names the header as the field. */
  private void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    Problems.write(json, response, Problems.of(status, title, detail, HEADER, detail));
  }
}
