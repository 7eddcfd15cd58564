package com.chatcommerce.manualpayments.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives payments through submit → OPEN → approve → APPROVED with a fixed number of flows in flight
 * (a closed loop: each virtual user starts its next flow when its last one ended), and measures the
 * two latencies and the rate.
 */
final class FlowRunner {

  /** One way of running a flow: through the API, or straight at the engine for the baseline. */
  interface Driver {
    /** Submits a payment and returns its order id once the submission was accepted. */
    String submit(int flow) throws Exception;

    /** Hands the manager's approval over; returns once it was accepted. */
    void approve(String orderId) throws Exception;
  }

  /** Moments that something other than the virtual user sees: the OPEN and the final indicator. */
  static final class Signals {
    private final ConcurrentHashMap<String, CompletableFuture<Long>> moments =
        new ConcurrentHashMap<>();

    private CompletableFuture<Long> future(String orderId, String status) {
      return moments.computeIfAbsent(orderId + "/" + status, k -> new CompletableFuture<>());
    }

    void reached(String orderId, String status) {
      future(orderId, status).complete(System.nanoTime());
    }

    long await(String orderId, String status, long timeoutSeconds) throws Exception {
      CompletableFuture<Long> f = future(orderId, status);
      long at = f.get(timeoutSeconds, TimeUnit.SECONDS);
      moments.remove(orderId + "/" + status);
      return at;
    }
  }

  record Result(
      int flows, double seconds, long[] submitToOpen, long[] decisionToFinal, int errors) {
    double flowsPerSecond() {
      return flows / seconds;
    }
  }

  private final Driver driver;
  private final Signals signals;

  FlowRunner(Driver driver, Signals signals) {
    this.driver = driver;
    this.signals = signals;
  }

  Result run(int flows, int concurrency) throws InterruptedException {
    long[] open = new long[flows];
    long[] decided = new long[flows];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService users = Executors.newFixedThreadPool(concurrency)) {
      for (int u = 0; u < concurrency; u++) {
        users.submit(
            () -> {
              for (int i = next.getAndIncrement(); i < flows; i = next.getAndIncrement()) {
                try {
                  long submitted = System.nanoTime();
                  String orderId = driver.submit(i);
                  long opened = signals.await(orderId, "OPEN", 120);
                  open[i] = opened - submitted;
                  long deciding = System.nanoTime();
                  driver.approve(orderId);
                  long finished = signals.await(orderId, "APPROVED", 120);
                  decided[i] = finished - deciding;
                  done.incrementAndGet();
                } catch (Exception e) {
                  if (errors.getAndIncrement() < 5) {
                    System.err.println("flow " + i + " failed: " + e);
                  }
                }
              }
              return null;
            });
      }
      users.shutdown();
      users.awaitTermination(2, TimeUnit.HOURS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int ok = done.get();
    long[] openOk = new long[ok];
    long[] decidedOk = new long[ok];
    int j = 0;
    for (int i = 0; i < flows && j < ok; i++) {
      if (decided[i] > 0) {
        openOk[j] = open[i];
        decidedOk[j++] = decided[i];
      }
    }
    return new Result(ok, seconds, openOk, decidedOk, errors.get());
  }
}
