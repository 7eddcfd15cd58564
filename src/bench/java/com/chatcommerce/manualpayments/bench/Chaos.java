package com.chatcommerce.manualpayments.bench;

import static com.chatcommerce.manualpayments.bench.Stats.line;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The crash test ({@code -Dbench.parts=chaos}): steady load ({@code -Dbench.chaos.rate} flows/s,
 * default 5) for {@code -Dbench.chaos.minutes} (5), while the application, in its own JVM against
 * MariaDB and the engine in this one, is killed with SIGKILL at a random moment of each of {@code
 * -Dbench.chaos.kills} (5) equal slots and restarted on the same port at once.
 *
 * <p>The load client behaves as the platform must: every POST carries an Idempotency-Key, and every
 * call that fails (no answer, a broken connection, a 5xx, 409 "in progress") is sent again with the
 * same key until it gets its answer. At the end it accounts for every key and every flow: one order
 * per key, each order's process ended once with the planned outcome, no duplicate history row or
 * indicator, no order OPEN past its deadline, and no process still running.
 */
final class Chaos {

  /**
   * Decisions outlive a kill and the restart after it; shorter than deployed for the in-memory
   * engine (see Soak).
   */
  private static final Duration DECISION_TTL = Duration.ofMinutes(5);

  /** Jobs a killed instance had taken come back after this; the handlers take milliseconds. */
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

  /**
   * Every call that fails (no answer, a 5xx, 409 "in progress") goes again with its key every
   * RETRY_EVERY until GIVE_UP_AFTER from its first try. A decision answered 409 (not "in progress")
   * was taken by an earlier try whose answer was lost; the order's end state, accounted at the end,
   * says whether it held.
   */
  private static final KeyedRequests.Retry UNTIL_GIVE_UP =
      new KeyedRequests.Retry() {
        @Override
        public Duration next(Http.Response response, int retries, Instant firstSent) {
          boolean retryable = response == null || response.status() >= 500 || inProgress(response);
          return retryable && Instant.now().isBefore(firstSent.plus(GIVE_UP_AFTER))
              ? RETRY_EVERY
              : null;
        }

        @Override
        public boolean done(Http.Response response, int expected) {
          return response.status() == expected
              || (expected == 202 && response.status() == 409 && !inProgress(response));
        }

        @Override
        public String outcome(Http.Response response) {
          return response.status() + (inProgress(response) ? " in progress" : "");
        }
      };

  private final BenchConfig config;
  private final BenchDatabase db;

  Chaos(BenchConfig config, BenchDatabase db) {
    this.config = config;
    this.db = db;
  }

  void run() throws Exception {
    int minutes = Integer.getInteger("bench.chaos.minutes", 5);
    int rate = Integer.getInteger("bench.chaos.rate", 5);
    int kills = Integer.getInteger("bench.chaos.kills", 5);
    db.clean();
    Auth auth = Auth.of(config.auth());
    int port = AppProcess.freePort();
    List<String> appArgs = new ArrayList<>(auth.appArgs());
    appArgs.add("--manual-payments.decision-message-ttl=" + DECISION_TTL);
    appArgs.add("--camunda.client.worker.defaults.timeout=" + JOB_TIMEOUT);
    try (InMemoryEngine engine = InMemoryEngine.start()) {
      AppProcess app = AppProcess.start(config, engine.grpcAddress(), "chaos-app-0", appArgs, port);
      try {
        HttpClient client = Http.newClient();
        Http manager = new Http(client, app.baseUrl(), auth.header("manager"));
        Http platform = new Http(client, app.baseUrl(), auth.header("platform"));
        PaymentLoad load =
            PaymentLoad.prepare("Chaos", UNTIL_GIVE_UP, "abandoned", platform, manager);

        line(
            "chaos: "
                + minutes
                + " min at "
                + rate
                + " flows/s ("
                + PaymentLoad.MIX
                + "), "
                + kills
                + " SIGKILLs at random moments; app -Xmx"
                + config.appXmx()
                + ", job timeout "
                + JOB_TIMEOUT
                + ", decision message TTL "
                + DECISION_TTL
                + "; failed calls are"
                + " retried every "
                + RETRY_EVERY.toSeconds()
                + " s with their key for up to "
                + GIVE_UP_AFTER);
        Instant start = Instant.now();
        load.start(rate);

        Duration slot = Duration.ofMinutes(minutes).dividedBy(kills);
        List<String> restarts = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
          Instant slotStart = start.plus(slot.multipliedBy(k));
          Instant killAt =
              slotStart.plusMillis(
                  ThreadLocalRandom.current()
                      .nextLong(slot.toMillis() / 5, slot.toMillis() * 4 / 5));
          sleepUntil(killAt);
          app.kill();
          Instant killed = Instant.now();
          app =
              AppProcess.start(config, engine.grpcAddress(), "chaos-app-" + (k + 1), appArgs, port);
          long down = Duration.between(killed, Instant.now()).toMillis();
          restarts.add(
              String.format(
                  "t=%ds down %.1fs", Duration.between(start, killed).toSeconds(), down / 1000.0));
          line(
              String.format(
                  "chaos kill %d at t=%ds; healthy again after %.1f s; flows so far %d, settled %d",
                  k + 1,
                  Duration.between(start, killed).toSeconds(),
                  down / 1000.0,
                  load.flows().size(),
                  load.settled()));
        }
        sleepUntil(start.plus(Duration.ofMinutes(minutes)));
        load.stopNewFlows();
        Instant drained = Instant.now().plus(GIVE_UP_AFTER);
        while (load.settled() < load.flows().size() && Instant.now().isBefore(drained)) {
          Thread.sleep(1000);
        }
        load.shutdown();
        account(engine, load, restarts);
      } finally {
        app.close();
      }
    }
  }

  private static void sleepUntil(Instant moment) throws InterruptedException {
    long millis = Duration.between(Instant.now(), moment).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private static boolean inProgress(Http.Response response) {
    return response.status() == 409 && response.body().contains("Request in progress");
  }

  private void account(InMemoryEngine engine, PaymentLoad load, List<String> restarts)
      throws Exception {
    Instant deadline =
        Instant.now()
            .plus(JOB_TIMEOUT.multipliedBy(2))
            .plus(PaymentLoad.SHORT_WINDOW)
            .plus(Duration.ofMinutes(1));
    long open = db.awaitOrdersDone(deadline);
    // The record stream is read from its start: only once the orders are done, not every turn.
    ProcessCounts processes = processes(engine);
    while (processes.running() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(2_000);
      processes = processes(engine);
    }

    Map<String, String> statusById = new HashMap<>();
    Map<String, String> reasonById = new HashMap<>();
    Map<String, Long> processById = new HashMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT id, status, rejection_reason, process_instance_key FROM orders")) {
      while (r.next()) {
        statusById.put(r.getString(1), r.getString(2));
        reasonById.put(r.getString(1), r.getString(3));
        processById.put(r.getString(1), r.getObject(4) == null ? null : r.getLong(4));
      }
    }
    long keys = load.flows().size();
    Set<String> answeredIds = new HashSet<>();
    long answered = 0;
    long asPlanned = 0;
    for (PaymentLoad.Flow flow : load.flows()) {
      if (flow.orderId == null) {
        continue;
      }
      answered++;
      answeredIds.add(flow.orderId);
      String status = statusById.get(flow.orderId);
      String reason = reasonById.get(flow.orderId);
      boolean planned =
          switch (flow.plan) {
            case APPROVE -> "APPROVED".equals(status);
            case REJECT -> "REJECTED".equals(status) && "MANAGER".equals(reason);
            case EXPIRE -> "REJECTED".equals(status) && "TIMEOUT".equals(reason);
          };
      if (planned) {
        asPlanned++;
      }
    }
    long ordersWithoutKey =
        statusById.keySet().stream().filter(id -> !answeredIds.contains(id)).count();
    ProcessCounts ended = processes;
    long endedTwice = ended.completedTwice();
    long orderProcessesEnded =
        processById.values().stream()
            .filter(k -> k != null && ended.completed().contains(k))
            .count();
    long discarded = ended.completed().stream().filter(k -> !processById.containsValue(k)).count();
    long duplicateHistory =
        db.count(
            "SELECT COUNT(*) FROM (SELECT order_id FROM order_history"
                + " GROUP BY order_id, event, field HAVING COUNT(*) > 1) d");
    long finalTwice =
        db.count(
            "SELECT COUNT(*) FROM (SELECT order_id FROM order_history"
                + " WHERE event IN ('APPROVED', 'REJECTED', 'COMPLETED') GROUP BY order_id HAVING COUNT(*) > 1) d");
    long duplicateIndicators = db.duplicateIndicators();
    long openPastDeadline =
        db.count(
            "SELECT COUNT(*) FROM orders WHERE status = 'OPEN'"
                + " AND review_deadline < UTC_TIMESTAMP(6)");

    KeyedRequests requests = load.requests();
    line("chaos kills: " + restarts.size() + " (" + String.join(", ", restarts) + ")");
    line(
        "chaos requests: "
            + requests.sent()
            + " sent, "
            + requests.failed()
            + " failed and retried with their key, "
            + requests.givenUp()
            + " abandoned; "
            + requests.responses());
    line(
        "chaos keys: "
            + keys
            + " submission keys, "
            + answered
            + " answered 201, "
            + statusById.size()
            + " orders in the database, "
            + ordersWithoutKey
            + " orders no key was answered with");
    line(
        "chaos flows: "
            + asPlanned
            + " of "
            + answered
            + " ended as planned; order processes ended "
            + orderProcessesEnded
            + " of "
            + processById.size()
            + ", processes ended twice "
            + endedTwice
            + ", still running "
            + processes.running()
            + ", discarded submissions (process without an order) "
            + discarded
            + "; orders still open or pending "
            + open);
    line(
        "chaos duplicates: history rows "
            + duplicateHistory
            + ", final status twice "
            + finalTwice
            + ", chat indicators "
            + duplicateIndicators
            + "; orders OPEN past their deadline "
            + openPastDeadline);
    boolean accounted =
        requests.givenUp() == 0
            && answered == keys
            && statusById.size() == keys
            && ordersWithoutKey == 0
            && asPlanned == answered
            && orderProcessesEnded == processById.size()
            && endedTwice == 0
            && processes.running() == 0
            && open == 0
            && duplicateHistory == 0
            && finalTwice == 0
            && duplicateIndicators == 0
            && openPastDeadline == 0;
    line("chaos every request and flow accounted for: " + (accounted ? "yes" : "NO"));
  }

  private record ProcessCounts(Set<Long> completed, long completedTwice, long running) {}

  /** The payment processes the engine started and ended, from its record stream. */
  private static ProcessCounts processes(InMemoryEngine engine) {
    Set<Long> activated = new HashSet<>();
    Map<Long, Integer> ended = new HashMap<>();
    // The application's workers keep the engine writing while its records are read.
    for (Record<ProcessInstanceRecordValue> record :
        EngineRecords.<ProcessInstanceRecordValue>of(engine, ValueType.PROCESS_INSTANCE).toList()) {
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      ProcessInstanceRecordValue value = record.getValue();
      if (value.getBpmnElementType() != BpmnElementType.PROCESS
          || !ManualPaymentProcess.PROCESS_ID.equals(value.getBpmnProcessId())) {
        continue;
      }
      if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        activated.add(value.getProcessInstanceKey());
      } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
        ended.merge(value.getProcessInstanceKey(), 1, Integer::sum);
      }
    }
    long twice = ended.values().stream().filter(n -> n > 1).count();
    long running = activated.stream().filter(k -> !ended.containsKey(k)).count();
    return new ProcessCounts(ended.keySet(), twice, running);
  }
}
