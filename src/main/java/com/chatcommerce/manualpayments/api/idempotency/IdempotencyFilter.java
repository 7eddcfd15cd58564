package com.chatcommerce.manualpayments.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every POST of the API that carries an {@code Idempotency-Key} happen once: the first
 * request runs and its response is stored; a repeat with the same body gets that response again
 * (header {@code Idempotent-Replayed: true}) while nothing runs twice; a repeat with another body
 * gets 422. A repeat that arrives while the first is still running waits for its response.
 * Runs after Spring Security, so keys are scoped to the caller.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
  private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);

  private final IdempotencyStore store;
  private final ObjectMapper json;

  IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
        || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (!VALID_KEY.matcher(key).matches()) {
      problem(response, HttpStatus.BAD_REQUEST, "Invalid input",
          HEADER + " must be 1 to 100 letters, digits or _.:-", HEADER);
      return;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String principal = caller == null ? "anonymous" : caller.getName();
    CachedBodyRequest cached = new CachedBodyRequest(request);
    String fingerprint = fingerprint(request, cached.body());

    IdempotencyStore.Entry entry;
    do {
      Optional<IdempotencyStore.Entry> stored;
      try {
        stored = store.claim(principal, key, fingerprint);
      } catch (CannotCreateTransactionException | DataAccessResourceFailureException
          | TransientDataAccessResourceException databaseDown) {
        // Before the API runs, so the API's own answer to a database it cannot reach is given here.
        logger.warn("database unavailable: " + databaseDown.getMessage());
        problem(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
            "nothing was changed; try again later", null);
        return;
      }
      if (stored.isEmpty()) {
        runFirst(cached, response, chain, principal, key);
        return;
      }
      // Empty when the first request failed (5xx) and let the key go: this one then runs itself.
      entry = awaitCompletion(principal, key, stored.get()).orElse(null);
    } while (entry == null);
    if (!entry.fingerprint().equals(fingerprint)) {
      problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
          "this " + HEADER + " was used for a different request", HEADER);
    } else if (!entry.completed()) {
      problem(response, HttpStatus.CONFLICT, "Request in progress",
          "the first request with this " + HEADER + " is still running; retry later", HEADER);
    } else {
      response.setStatus(entry.status());
      response.setHeader("Idempotent-Replayed", "true");
      if (entry.contentType() != null) {
        response.setContentType(entry.contentType());
      }
      if (entry.body() != null) {
        response.getOutputStream().write(entry.body().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void runFirst(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
      String principal, String key) throws ServletException, IOException {
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    boolean stored = false;
    try {
      chain.doFilter(request, recorded);
      if (recorded.getStatus() < 500) {
        store.complete(principal, key, recorded.getStatus(), recorded.getContentType(),
            new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
        stored = true;
      }
    } finally {
      if (!stored) {
        store.release(principal, key);
      }
      recorded.copyBodyToResponse();
    }
  }

  /** The first request's entry once it completed (or still running after the wait); empty once it let the key go. */
  private Optional<IdempotencyStore.Entry> awaitCompletion(
      String principal, String key, IdempotencyStore.Entry entry) {
    long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
    Optional<IdempotencyStore.Entry> current = Optional.of(entry);
    while (current.isPresent() && !current.get().completed() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = store.find(principal, key);
    }
    return current;
  }

  private static String fingerprint(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void problem(HttpServletResponse response, HttpStatus status, String title, String detail, String field)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (field != null) {
      problem.setProperty("errors", List.of(Map.of("field", field, "reason", detail)));
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
