package com.chatcommerce.manualpayments.bench;

import static com.chatcommerce.manualpayments.bench.Stats.f;
import static com.chatcommerce.manualpayments.bench.Stats.line;

import com.chatcommerce.manualpayments.support.InMemoryEngine;
import java.net.http.HttpClient;

/**
 * Part 1: whole payments through the API, the real workers, MariaDB and the in-memory engine, and
 * in the same run the engine's ceiling with no-op workers; prints the ratio of the two rates.
 */
final class EndToEnd {

  private final BenchConfig config;
  private final BenchDatabase db;

  EndToEnd(BenchConfig config, BenchDatabase db) {
    this.config = config;
    this.db = db;
  }

  void run() throws Exception {
    line(f("== end to end: %d flows (after %d warm-up flows on the measured engine and %d on a throwaway one),"
        + " %d in flight, application heap -Xmx%s, API auth %s", config.flows(), config.warmupFlows(),
        config.jvmWarmupFlows(), config.concurrency(), config.appXmx(), config.auth()));
    FlowRunner.Result baseline = baseline();
    FlowRunner.Result full = full();
    line(f("e2e ratio = full / baseline = %.2f / %.2f = %.2f (target >= 0.80)",
        full.flowsPerSecond(), baseline.flowsPerSecond(), full.flowsPerSecond() / baseline.flowsPerSecond()));
  }

  /** Only the engine's ceiling (-Dbench.parts=baseline), for tuning the load itself. */
  void baselineOnly() throws Exception {
    line(f("== baseline only: %d flows (after %d warm-up flows), %d in flight", config.flows(), config.warmupFlows(),
        config.concurrency()));
    baseline();
  }

  private FlowRunner.Result baseline() throws Exception {
    FlowRunner.Signals signals = new FlowRunner.Signals();
    try (InMemoryEngine warmEngine = InMemoryEngine.start()) {
      deploy(warmEngine);
      try (Baseline driver = new Baseline(warmEngine.client(), signals)) {
        warmJvm(new FlowRunner(driver, signals, "OPEN", "APPROVED"));
      }
    }
    try (InMemoryEngine engine = InMemoryEngine.start()) {
      deploy(engine);
      try (Baseline driver = new Baseline(engine.client(), signals)) {
        FlowRunner runner = new FlowRunner(driver, signals, "OPEN", "APPROVED");
        runner.run(config.warmupFlows(), config.concurrency());
        Stats.loadLine("e2e baseline");
        CpuMeter cpu = new CpuMeter("bench JVM (engine, no-op workers, driver)", null).start();
        ThreadMeter threads = new ThreadMeter("the bench JVM", ProcessHandle.current().pid()).start();
        FlowRunner.Result result = runner.run(config.flows(), config.concurrency());
        print("e2e baseline (same BPMN, no-op workers, no API, no database)", result);
        line(cpu.stop(result.flows(), "flow"));
        line(threads.stop(3));
        return result;
      }
    }
  }

  /**
   * Runs the JIT warm-up flows on an engine that is then thrown away: the measured engine starts
   * with the same short history in both runs, because the in-memory engine slows as its state
   * grows (every prefix scan copies its whole state), while the JVMs start compiled.
   */
  private void warmJvm(FlowRunner runner) throws InterruptedException {
    FlowRunner.Result warm = runner.run(config.jvmWarmupFlows(), config.concurrency());
    if (warm.errors() > 0) {
      throw new IllegalStateException(warm.errors() + " of the JVM warm-up flows failed");
    }
  }

  private FlowRunner.Result full() throws Exception {
    db.clean();
    Auth auth = Auth.of(config.auth());
    int enginePort = AppProcess.freePort();
    try (InMemoryEngine warmEngine = InMemoryEngine.start(enginePort);
        AppProcess app = AppProcess.start(config, deployed(warmEngine).grpcAddress(), "e2e-app", auth.appArgs())) {
      HttpClient client = Http.newClient();
      Http manager = new Http(client, app.baseUrl(), auth.header("manager"));
      Http platform = new Http(client, app.baseUrl(), auth.header("platform"));
      long merchant = Long.parseLong(manager.create("/api/v1/payment-systems", """
          {"name":"Card-to-card","commissionPercent":"2.5","fixedFee":{"amount":"10.00","currency":"RUB"},
           "accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB","USD"]}"""));
      long offer = Long.parseLong(manager.create("/api/v1/offers",
          "{\"name\":\"Yoga course\",\"price\":{\"amount\":\"1500.00\",\"currency\":\"RUB\"},\"paymentSystemId\":"
              + merchant + "}"));
      long[] clients = new long[100];
      for (int i = 0; i < clients.length; i++) {
        clients[i] = Long.parseLong(manager.create("/api/v1/clients",
            "{\"name\":\"Client " + i + "\",\"email\":\"client" + i + "@example.com\",\"phone\":\"+7900123" + (4000 + i)
                + "\"}"));
      }
      FlowRunner.Signals signals = new FlowRunner.Signals();
      ApiDriver driver = new ApiDriver(platform, manager, offer, clients, config.idempotencyKeys());
      try (ApiDriver.IndicatorWatcher watcher = new ApiDriver.IndicatorWatcher(db, signals);
          InMemoryEngine engine = switchEngine(warmEngine, enginePort, new FlowRunner(driver, signals, "OPEN", "APPROVED"))) {
        FlowRunner runner = new FlowRunner(driver, signals, "OPEN", "APPROVED");
        runner.run(config.warmupFlows(), config.concurrency());
        Stats.loadLine("e2e full");
        CpuMeter cpu = new CpuMeter("bench JVM (engine, HTTP driver)", app.pid()).start();
        ThreadMeter engineThreads = new ThreadMeter("the bench JVM", ProcessHandle.current().pid()).start();
        ThreadMeter appThreads = new ThreadMeter("the app JVM", app.pid()).start();
        app.startProfile("e2e");
        FlowRunner.Result result = runner.run(config.flows(), config.concurrency());
        app.stopProfile();
        print("e2e full (API over HTTP, real workers, MariaDB, in-memory engine)", result);
        line(cpu.stop(result.flows(), "flow"));
        line(engineThreads.stop(3));
        line(appThreads.stop(3));
        line(f("e2e full check: orders APPROVED = %d, CRM lines APPROVED = %d, chat indicators = %d (expected %d, %d, %d)",
            db.count("SELECT COUNT(*) FROM orders WHERE status = 'APPROVED'"),
            db.count("SELECT COUNT(*) FROM crm_client_orders WHERE status = 'APPROVED'"),
            db.count("SELECT COUNT(*) FROM chat_indicators"),
            started(result), started(result), 2 * started(result)));
        return result;
      }
    }
  }

  /**
   * Warms the application's JVM on {@code warmEngine}, then stops it and starts the measured engine
   * on the same port; the application's client reconnects to it (the regular warm-up flows that
   * follow wait for that).
   */
  private InMemoryEngine switchEngine(InMemoryEngine warmEngine, int port, FlowRunner runner) throws Exception {
    warmJvm(runner);
    warmEngine.close();
    InMemoryEngine engine = InMemoryEngine.start(port);
    deploy(engine);
    return engine;
  }

  private int started(FlowRunner.Result result) {
    return config.jvmWarmupFlows() + config.warmupFlows() + result.flows();
  }

  private static InMemoryEngine deployed(InMemoryEngine engine) {
    deploy(engine);
    return engine;
  }

  private static void deploy(InMemoryEngine engine) {
    engine.client().newDeployResourceCommand()
        .addResourceFromClasspath("processes/manual-payment.bpmn")
        .addResourceFromClasspath("processes/manual-payment-refund.bpmn")
        .addResourceFromClasspath("forms/manual-payment-review.form")
        .addResourceFromClasspath("forms/manual-payment-add.form")
        .send().join();
  }

  private static void print(String what, FlowRunner.Result r) {
    line(f("%s: %d flows in %.1f s = %.2f flows/s%s", what, r.flows(), r.seconds(), r.flowsPerSecond(),
        r.errors() == 0 ? "" : ", " + r.errors() + " FAILED"));
    line("  submit -> OPEN recorded (OPEN chat indicator posted): " + Stats.latencies(r.submitToOpen()));
    line("  decision -> APPROVED recorded (APPROVED chat indicator posted): " + Stats.latencies(r.decisionToFinal()));
  }
}
