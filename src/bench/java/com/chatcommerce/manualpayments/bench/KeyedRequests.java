package com.chatcommerce.manualpayments.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Requests sent as the platform must send them: each carries an Idempotency-Key and, after a try
 * that did not get it done, goes again with the same key for as long as the bench's {@link Retry}
 * says. Every answer is counted by what was sent and its outcome, retried ones included, so that a
 * slow or failing spell shows in the summary instead of hiding behind the retries.
 */
final class KeyedRequests {

  /** One try of a request, with its key: every try sends the same. */
  interface Call {
    Http.Response call() throws Exception;
  }

  /** What a bench makes of an answer, and whether and when it sends the request again. */
  interface Retry {
    /**
     * The wait before the next try of a request this {@code response} did not get done (null when
     * no answer came), after {@code retries} tries again since {@code firstSent}; null gives up.
     */
    Duration next(Http.Response response, int retries, Instant firstSent);

    /** Whether the request is done: by default only when answered {@code expected}. */
    default boolean done(Http.Response response, int expected) {
      return response.status() == expected;
    }

    /** What the response is counted as, after what was sent: by default its status. */
    default String outcome(Http.Response response) {
      return Integer.toString(response.status());
    }
  }

  private final ScheduledExecutorService scheduler;
  private final Retry retry;
  private final String bench;
  private final String givenUpAs;
  private final Map<String, AtomicInteger> responses = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger retried = new AtomicInteger();
  private final AtomicInteger givenUp = new AtomicInteger();

  /**
   * The first requests given up are printed to stderr as {@code bench: what givenUpAs: outcome}, in
   * the words of the bench's summary.
   */
  KeyedRequests(ScheduledExecutorService scheduler, Retry retry, String bench, String givenUpAs) {
    this.scheduler = scheduler;
    this.retry = retry;
    this.bench = bench;
    this.givenUpAs = givenUpAs;
  }

  /**
   * Sends {@code what} until it is done and hands its response to {@code then}, or runs {@code
   * otherwise} once the retry policy gives up on it.
   */
  void send(
      String what, int expected, Call call, Consumer<Http.Response> then, Runnable otherwise) {
    send(what, expected, call, then, otherwise, 0, Instant.now());
  }

  private void send(
      String what,
      int expected,
      Call call,
      Consumer<Http.Response> then,
      Runnable otherwise,
      int retries,
      Instant firstSent) {
    sent.incrementAndGet();
    Http.Response response = null;
    String outcome;
    try {
      response = call.call();
      outcome = retry.outcome(response);
    } catch (Exception e) {
      outcome = e.getClass().getSimpleName();
    }
    responses.computeIfAbsent(what + " " + outcome, k -> new AtomicInteger()).incrementAndGet();
    if (response != null && retry.done(response, expected)) {
      then.accept(response);
      return;
    }
    failed.incrementAndGet();
    Duration wait = retry.next(response, retries, firstSent);
    if (wait != null) {
      retried.incrementAndGet();
      scheduler.schedule(
          () -> send(what, expected, call, then, otherwise, retries + 1, firstSent),
          wait.toMillis(),
          TimeUnit.MILLISECONDS);
    } else {
      otherwise.run();
      if (givenUp.getAndIncrement() < 5) {
        System.err.println(
            bench
                + ": "
                + what
                + " "
                + givenUpAs
                + ": "
                + outcome
                + (response == null ? "" : " " + response.body()));
      }
    }
  }

  /** Tries sent, first ones and retries. */
  int sent() {
    return sent.get();
  }

  /** Tries that did not get their request done, the last one of a request given up included. */
  int failed() {
    return failed.get();
  }

  /** Times a request was set to go again after a failed try. */
  int retried() {
    return retried.get();
  }

  /** Requests the retry policy gave up on. */
  int givenUp() {
    return givenUp.get();
  }

  /** Every try's answer by what was sent and its outcome ("submit 201"), in order of name. */
  SortedMap<String, Integer> responses() {
    SortedMap<String, Integer> counts = new TreeMap<>();
    responses.forEach((name, count) -> counts.put(name, count.get()));
    return counts;
  }
}
