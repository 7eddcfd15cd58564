package com.chatcommerce.manualpayments.bench;

import static com.chatcommerce.manualpayments.bench.Stats.f;
import static com.chatcommerce.manualpayments.bench.Stats.line;

import com.chatcommerce.manualpayments.support.InMemoryEngine;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Part 1: whole payments through the API, the real workers, MariaDB and the in-memory engine, and
 * in the same run the engine's ceiling with no-op workers; prints the ratio of the two rates.
 *
 * <p>Both sides warm their JVMs until the JIT compilers are done, on engines that are then thrown
 * away, and measure each round on a fresh engine with the same short history: the in-memory engine
 * slows as its state grows (every prefix scan copies it), and a round's rate still moves by up to
 * half between identical rounds, so the ratio is taken over several rounds of each.
 */
final class EndToEnd {

  private final BenchConfig config;
  private final BenchDatabase db;

  EndToEnd(BenchConfig config, BenchDatabase db) {
    this.config = config;
    this.db = db;
  }

  void run() throws Exception {
    line(
        f(
            "== end to end: %d rounds of %d flows each way (each after %d warm-up flows on a fresh engine; the JVMs"
                + " warmed in batches of %d flows, each on an engine then thrown away, until their JIT compilers ran at"
                + " most %.2f of a core), %d in flight, application heap -Xmx%s, API auth %s",
            config.e2eRounds(),
            config.flows(),
            config.warmupFlows(),
            config.jvmWarmupFlows(),
            config.jitQuiet(),
            config.concurrency(),
            config.appXmx(),
            config.auth()));
    List<FlowRunner.Result> baseline = baselineRounds();
    List<FlowRunner.Result> full = fullRounds();
    for (int round = 0; round < config.e2eRounds(); round++) {
      line(
          f(
              "e2e round %d: full / baseline = %.2f / %.2f = %.2f",
              round + 1,
              full.get(round).flowsPerSecond(),
              baseline.get(round).flowsPerSecond(),
              full.get(round).flowsPerSecond() / baseline.get(round).flowsPerSecond()));
    }
    double fullRate = pooledRate(full);
    double baselineRate = pooledRate(baseline);
    line(
        f(
            "e2e ratio = full / baseline = %.2f / %.2f = %.2f (flows/s over all rounds; target >= 0.80)",
            fullRate, baselineRate, fullRate / baselineRate));
  }

  /** Only the engine's ceiling (-Dbench.parts=baseline), for tuning the load itself. */
  void baselineOnly() throws Exception {
    line(
        f(
            "== baseline only: %d rounds of %d flows (each after %d warm-up flows), %d in flight",
            config.e2eRounds(), config.flows(), config.warmupFlows(), config.concurrency()));
    baselineRounds();
  }

  private List<FlowRunner.Result> baselineRounds() throws Exception {
    FlowRunner.Signals signals = new FlowRunner.Signals();
    warmJvms(
        "baseline",
        List.of(Map.entry("the bench JVM", ProcessHandle.current().pid())),
        () -> {
          try (InMemoryEngine engine = deployed(InMemoryEngine.start());
              Baseline driver = new Baseline(engine.client(), signals)) {
            return new FlowRunner(driver, signals)
                .run(config.jvmWarmupFlows(), config.concurrency());
          }
        });
    List<FlowRunner.Result> results = new ArrayList<>();
    for (int round = 1; round <= config.e2eRounds(); round++) {
      try (InMemoryEngine engine = deployed(InMemoryEngine.start());
          Baseline driver = new Baseline(engine.client(), signals)) {
        FlowRunner runner = new FlowRunner(driver, signals);
        runner.run(config.warmupFlows(), config.concurrency());
        collectGarbage(null);
        Stats.loadLine("e2e baseline round " + round);
        CpuMeter cpu = new CpuMeter("bench JVM (engine, no-op workers, driver)", null).start();
        ThreadMeter threads =
            new ThreadMeter("the bench JVM", ProcessHandle.current().pid()).start();
        EngineCommands commands = new EngineCommands(engine).start();
        FlowRunner.Result result = runner.run(config.flows(), config.concurrency());
        print(
            "e2e baseline round " + round + " (same BPMN, no-op workers, no API, no database)",
            result);
        line(cpu.stop(result.flows(), "flow"));
        line(threads.stop(3));
        line(commands.stop(result.flows(), 8));
        results.add(result);
      }
    }
    return results;
  }

  private List<FlowRunner.Result> fullRounds() throws Exception {
    db.clean();
    Auth auth = Auth.of(config.auth());
    int enginePort = AppProcess.freePort();
    try (InMemoryEngine startEngine = deployed(InMemoryEngine.start(enginePort));
        AppProcess app =
            AppProcess.start(config, startEngine.grpcAddress(), "e2e-app", auth.appArgs())) {
      HttpClient client = Http.newClient();
      Http manager = new Http(client, app.baseUrl(), auth.header("manager"));
      Http platform = new Http(client, app.baseUrl(), auth.header("platform"));
      long paymentSystem =
          Long.parseLong(
              manager.create(
                  "/api/v1/payment-systems",
                  """
          {"name":"Card-to-card","commissionPercent":"2.5","fixedFee":{"amount":"10.00","currency":"RUB"},
           "accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB","USD"]}"""));
      long offer =
          Long.parseLong(
              manager.create(
                  "/api/v1/offers",
                  "{\"name\":\"Yoga course\",\"price\":{\"amount\":\"1500.00\",\"currency\":\"RUB\"},\"paymentSystemId\":"
                      + paymentSystem
                      + "}"));
      long[] clients = new long[100];
      for (int i = 0; i < clients.length; i++) {
        clients[i] =
            Long.parseLong(
                manager.create(
                    "/api/v1/clients",
                    "{\"name\":\"Client "
                        + i
                        + "\",\"email\":\"client"
                        + i
                        + "@example.com\",\"phone\":\"+7900123"
                        + (4000 + i)
                        + "\"}"));
      }
      FlowRunner.Signals signals = new FlowRunner.Signals();
      ApiDriver driver = new ApiDriver(platform, manager, offer, clients, config.idempotencyKeys());
      try (ApiDriver.IndicatorWatcher watcher = new ApiDriver.IndicatorWatcher(db, signals)) {
        FlowRunner runner = new FlowRunner(driver, signals);
        startEngine.close();
        // Every engine from here on listens on the port the application knows, and its client
        // reconnects to each.
        warmJvms(
            "full",
            List.of(
                Map.entry("the app JVM", app.pid()),
                Map.entry("the bench JVM", ProcessHandle.current().pid())),
            () -> {
              try (InMemoryEngine engine = reconnected(app, enginePort)) {
                return runner.run(config.jvmWarmupFlows(), config.concurrency());
              }
            });
        List<FlowRunner.Result> results = new ArrayList<>();
        for (int round = 1; round <= config.e2eRounds(); round++) {
          try (InMemoryEngine engine = reconnected(app, enginePort)) {
            results.add(fullRound(round, app, engine, runner));
          }
        }
        int started = driver.accepted();
        line(
            f(
                "e2e full check: orders APPROVED = %d, CRM lines APPROVED = %d, chat indicators = %d (expected %d, %d, %d)",
                db.count("SELECT COUNT(*) FROM orders WHERE status = 'APPROVED'"),
                db.count("SELECT COUNT(*) FROM crm_client_orders WHERE status = 'APPROVED'"),
                db.count("SELECT COUNT(*) FROM chat_indicators"),
                started,
                started,
                2 * started));
        return results;
      }
    }
  }

  private FlowRunner.Result fullRound(
      int round, AppProcess app, InMemoryEngine engine, FlowRunner runner) throws Exception {
    runner.run(config.warmupFlows(), config.concurrency());
    collectGarbage(app);
    Stats.loadLine("e2e full round " + round);
    CpuMeter cpu = new CpuMeter("bench JVM (engine, HTTP driver)", app.pid()).start();
    ThreadMeter engineThreads =
        new ThreadMeter("the bench JVM", ProcessHandle.current().pid()).start();
    ThreadMeter appThreads = new ThreadMeter("the app JVM", app.pid()).start();
    EngineCommands commands = new EngineCommands(engine).start();
    app.startProfile("e2e-round" + round);
    FlowRunner.Result result = runner.run(config.flows(), config.concurrency());
    app.stopProfile();
    print(
        "e2e full round " + round + " (API over HTTP, real workers, MariaDB, in-memory engine)",
        result);
    line(cpu.stop(result.flows(), "flow"));
    line(engineThreads.stop(3));
    line(appThreads.stop(3));
    line(commands.stop(result.flows(), 8));
    return result;
  }

  /** One batch of JVM warm-up flows on an engine of its own, thrown away after it. */
  private interface WarmupBatch {
    FlowRunner.Result run() throws Exception;
  }

  /**
   * Runs warm-up batches until the JIT compilers of the measured JVMs ran no more than {@code
   * bench.jit-quiet} of a core during a batch, or {@code bench.jvm-warmup.batches} ran. Code that
   * runs a few times a flow reaches the optimizing compiler only after thousands of flows: with one
   * fixed batch of 1,000, the application's compiler still ran 0.13 of a core, and its CPU a flow
   * was 26 ms in the first measured round and 14 ms in the second.
   */
  private void warmJvms(String side, List<Map.Entry<String, Long>> jvms, WarmupBatch batch)
      throws Exception {
    for (int n = 1; ; n++) {
      List<ThreadMeter> meters =
          jvms.stream().map(jvm -> new ThreadMeter(jvm.getKey(), jvm.getValue()).start()).toList();
      FlowRunner.Result warm = batch.run();
      if (warm.flows() == 0) {
        throw new IllegalStateException(
            "all " + warm.errors() + " flows of a JVM warm-up batch failed");
      }
      Map<String, Double> jit = new LinkedHashMap<>();
      meters.forEach(m -> jit.put(m.label(), m.jitCores()));
      line(
          f(
              "JVM warm-up, %s, batch %d: %d flows at %.2f flows/s%s; JIT compilers ran (cores) %s",
              side,
              n,
              warm.flows(),
              warm.flowsPerSecond(),
              warm.errors() == 0 ? "" : ", " + warm.errors() + " failed",
              jit.entrySet().stream()
                  .map(e -> f("%.2f in %s", e.getValue(), e.getKey()))
                  .collect(Collectors.joining(", "))));
      if (Collections.max(jit.values()) <= config.jitQuiet()) {
        return;
      }
      if (n == config.jvmWarmupBatches()) {
        line(
            f(
                "JVM warm-up, %s: the JIT compilers still ran more than %.2f of a core after %d batches;"
                    + " the measured rounds include compilation",
                side, config.jitQuiet(), n));
        return;
      }
    }
  }

  /**
   * Starts each round with the garbage of the engines before it collected, in this JVM and in the
   * application's, so that a round does not inherit the heap the earlier ones left. G1 still marks
   * concurrently during some rounds, from what the round itself keeps: 0.14 and 0.15 of a core in
   * the slowest full round of each of the two runs in docs/performance.md.
   */
  private static void collectGarbage(AppProcess app) {
    System.gc();
    if (app != null) {
      app.collectGarbage();
    }
  }

  private static double pooledRate(List<FlowRunner.Result> results) {
    return results.stream().mapToInt(FlowRunner.Result::flows).sum()
        / results.stream().mapToDouble(FlowRunner.Result::seconds).sum();
  }

  /** A fresh engine on the application's engine port, once the application's client reached it. */
  private static InMemoryEngine reconnected(AppProcess app, int port) throws Exception {
    InMemoryEngine engine = deployed(InMemoryEngine.start(port));
    try {
      app.awaitHealthy(Duration.ofMinutes(2));
      return engine;
    } catch (Exception e) {
      engine.close();
      throw e;
    }
  }

  /**
   * The engine with the application's models and forms, deployed as the tests deploy them: from
   * processes/ and forms/ of the working directory, the project's, where the bench runs.
   */
  private static InMemoryEngine deployed(InMemoryEngine engine) {
    engine.deployModels();
    return engine;
  }

  private static void print(String what, FlowRunner.Result r) {
    line(
        f(
            "%s: %d flows in %.1f s = %.2f flows/s%s",
            what,
            r.flows(),
            r.seconds(),
            r.flowsPerSecond(),
            r.errors() == 0 ? "" : ", " + r.errors() + " FAILED"));
    line(
        "  submit -> OPEN recorded (OPEN chat indicator posted): "
            + Stats.latencies(r.submitToOpen()));
    line(
        "  decision -> APPROVED recorded (APPROVED chat indicator posted): "
            + Stats.latencies(r.decisionToFinal()));
  }
}
