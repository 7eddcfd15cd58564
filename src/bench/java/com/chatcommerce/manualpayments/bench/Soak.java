package com.chatcommerce.manualpayments.bench;

import static com.chatcommerce.manualpayments.bench.Stats.line;

import com.chatcommerce.manualpayments.bench.PaymentLoad.Plan;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Steady load for a long while ({@code -Dbench.soak.minutes}, default 30) at a fixed rate ({@code
 * -Dbench.soak.rate} flows/s; set it to half the capacity the e2e part measures). Each flow is
 * approved, rejected, or left for its 30-second time to confirm to run out. Every 30 s it prints
 * the application's heap after GC and its open database connections; at the end it accounts for
 * every flow.
 *
 * <p>It calls the API as the platform is told to: every POST carries an Idempotency-Key, and a 5xx
 * or a broken connection is retried with the same key after a backoff. Every response status is
 * counted and printed, retried ones included, so a slow spell shows instead of hiding.
 */
final class Soak {

  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
  private static final Duration DECISION_TTL = Duration.ofMinutes(2);

  /** Backoff before each retry of a request that got a 5xx or no answer: about 2 minutes in all. */
  private static final int[] RETRY_AFTER_SECONDS = {1, 2, 4, 8, 15, 30, 60};

  /**
   * A 5xx or no answer goes again with its key after each of RETRY_AFTER_SECONDS in turn; any other
   * status than the one expected, or retries run out, is a failed request.
   */
  private static final KeyedRequests.Retry BACKOFF =
      (response, retries, firstSent) ->
          (response == null || response.status() >= 500) && retries < RETRY_AFTER_SECONDS.length
              ? Duration.ofSeconds(RETRY_AFTER_SECONDS[retries])
              : null;

  private final BenchConfig config;
  private final BenchDatabase db;

  Soak(BenchConfig config, BenchDatabase db) {
    this.config = config;
    this.db = db;
  }

  void run() throws Exception {
    int minutes = Integer.getInteger("bench.soak.minutes", 30);
    int rate = Integer.getInteger("bench.soak.rate", 7);
    db.clean();
    Auth auth = Auth.of(config.auth());
    try (InMemoryEngine engine = InMemoryEngine.start();
        AppProcess app =
            AppProcess.start(config, engine.grpcAddress(), "soak-app", appArgs(auth))) {
      HttpClient client = Http.newClient();
      Http manager = new Http(client, app.baseUrl(), auth.header("manager"));
      Http platform = new Http(client, app.baseUrl(), auth.header("platform"));
      PaymentLoad load = PaymentLoad.prepare("Soak", BACKOFF, "failed", platform, manager);

      line(
          "soak: "
              + minutes
              + " min at "
              + rate
              + " flows/s ("
              + PaymentLoad.MIX
              + "); app -Xmx"
              + config.appXmx()
              + ", decision message TTL "
              + DECISION_TTL);
      Instant end = Instant.now().plus(Duration.ofMinutes(minutes));
      load.start(rate);
      List<long[]> samples = new ArrayList<>();
      while (Instant.now().isBefore(end)) {
        Thread.sleep(SAMPLE_EVERY.toMillis());
        long[] sample = sample(manager);
        samples.add(sample);
        line(
            String.format(
                "soak t=%4ds flows=%d ended=%d heap-after-gc=%.1f MiB heap-used=%.1f MiB"
                    + " hikari-active=%d hikari-total=%d db-connections=%d retries=%d failed-requests=%d",
                samples.size() * SAMPLE_EVERY.toSeconds(),
                load.answered().size(),
                sample[5],
                sample[0] / 1048576.0,
                sample[1] / 1048576.0,
                sample[2],
                sample[3],
                sample[4],
                load.requests().retried(),
                load.requests().givenUp()));
      }
      load.stopNewFlows();
      Instant drained = Instant.now().plus(Duration.ofMinutes(3));
      while (load.busy() && Instant.now().isBefore(drained)) {
        Thread.sleep(500);
      }
      load.shutdown();
      account(load, samples);
    }
  }

  /**
   * The application as deployed, but for how long decisions stay in the engine. The in-memory
   * engine copies its whole state into a new tree for every prefix scan, so each operation slows in
   * step with its state; an hour of decisions (10,000 at 7 flows/s) made it fall behind the load
   * after 7½ minutes. Two minutes still covers the soak's decisions and its retries; a cluster's
   * RocksDB state does not slow down this way.
   */
  private static List<String> appArgs(Auth auth) {
    List<String> args = new ArrayList<>(auth.appArgs());
    args.add("--manual-payments.decision-message-ttl=" + DECISION_TTL);
    return args;
  }

  /**
   * Heap after the last GC, heap in use, Hikari's active and total connections, the server's
   * connections, and the orders that have ended.
   */
  private long[] sample(Http manager) throws Exception {
    return new long[] {
      metric(manager, "jvm.gc.live.data.size", null),
      metric(manager, "jvm.memory.used", "area:heap"),
      metric(manager, "hikaricp.connections.active", null),
      metric(manager, "hikaricp.connections", null),
      db.count(
          "SELECT COUNT(*) FROM information_schema.processlist WHERE user = '"
              + config.dbUser()
              + "'"),
      db.count("SELECT COUNT(*) FROM orders WHERE status <> 'OPEN' AND pending_action IS NULL")
    };
  }

  private static long metric(Http manager, String name, String tag) throws Exception {
    Http.Response response =
        manager.get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
    if (response.status() != 200) {
      throw new IllegalStateException("metric " + name + " gave " + response.status());
    }
    return (long) response.json().get("measurements").get(0).get("value").asDouble();
  }

  private void account(PaymentLoad load, List<long[]> samples) throws Exception {
    Instant deadline = Instant.now().plus(PaymentLoad.SHORT_WINDOW.multipliedBy(4));
    long open = db.awaitOrdersDone(deadline);
    long approved = db.count("SELECT COUNT(*) FROM orders WHERE status = 'APPROVED'");
    long rejected =
        db.count(
            "SELECT COUNT(*) FROM orders WHERE status = 'REJECTED' AND rejection_reason = 'MANAGER'");
    long expired =
        db.count(
            "SELECT COUNT(*) FROM orders WHERE status = 'REJECTED' AND rejection_reason = 'TIMEOUT'");
    List<PaymentLoad.Flow> submitted = load.answered();
    long planned = submitted.size();
    long plannedApproved = submitted.stream().filter(f -> f.plan == Plan.APPROVE).count();
    long plannedRejected = submitted.stream().filter(f -> f.plan == Plan.REJECT).count();
    long plannedExpired = submitted.stream().filter(f -> f.plan == Plan.EXPIRE).count();
    long duplicates = db.duplicateIndicators();
    line(
        "soak flows: submitted "
            + planned
            + " (approve "
            + plannedApproved
            + ", reject "
            + plannedRejected
            + ", expire "
            + plannedExpired
            + "); ended APPROVED "
            + approved
            + ", REJECTED "
            + rejected
            + ", REJECTED by timeout "
            + expired
            + ", still open "
            + open
            + ", duplicate indicators "
            + duplicates
            + ", failed requests "
            + load.requests().givenUp()
            + ", retried requests "
            + load.requests().retried());
    line("soak responses: " + load.requests().responses());
    // A decision whose first answer timed out may have been taken in by the engine all the same;
    // its retry then finds the order decided and gets 409. The end states, not the answers, say
    // whether every payment ended as planned; a submission that never got its 201 is a payment
    // lost.
    boolean accounted =
        approved == plannedApproved
            && rejected == plannedRejected
            && expired == plannedExpired
            && open == 0
            && duplicates == 0
            && load.flows().stream().noneMatch(PaymentLoad.Flow::lost);
    line("soak every flow accounted for: " + (accounted ? "yes" : "NO"));
    // The live heap is known only after the first collection of the old generation.
    int first = 0;
    while (first < samples.size() && samples.get(first)[0] == 0) {
      first++;
    }
    if (first < samples.size() - 1) {
      long[] early = samples.get(first);
      long[] late = samples.get(samples.size() - 1);
      long t = (first + 1) * SAMPLE_EVERY.toSeconds();
      line(
          String.format(
              "soak heap after GC: %.1f MiB at t=%ds, %.1f MiB at the end (%+.1f MiB)",
              early[0] / 1048576.0, t, late[0] / 1048576.0, (late[0] - early[0]) / 1048576.0));
      line(
          "soak open database connections: "
              + early[4]
              + " at t="
              + t
              + "s, "
              + late[4]
              + " at the end; Hikari total "
              + early[3]
              + " -> "
              + late[3]);
    }
  }
}
