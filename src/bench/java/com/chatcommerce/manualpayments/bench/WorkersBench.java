package com.chatcommerce.manualpayments.bench;

import static com.chatcommerce.manualpayments.bench.Stats.f;
import static com.chatcommerce.manualpayments.bench.Stats.line;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.chat.PostChatIndicatorWorker;
import com.chatcommerce.manualpayments.chat.PostReviewReminderWorker;
import com.chatcommerce.manualpayments.crm.ClientService;
import com.chatcommerce.manualpayments.crm.UpdateCrmWorker;
import com.chatcommerce.manualpayments.offer.OfferService;
import com.chatcommerce.manualpayments.order.Actor;
import com.chatcommerce.manualpayments.order.ApproveOrderWorker;
import com.chatcommerce.manualpayments.order.Channel;
import com.chatcommerce.manualpayments.order.Correction;
import com.chatcommerce.manualpayments.order.Decision;
import com.chatcommerce.manualpayments.order.DecisionClaimService;
import com.chatcommerce.manualpayments.order.RecordOpenOrderWorker;
import com.chatcommerce.manualpayments.order.RefundOrderWorker;
import com.chatcommerce.manualpayments.order.RefundRequested;
import com.chatcommerce.manualpayments.order.RejectOrderWorker;
import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.order.SettleDecisionWorker;
import com.chatcommerce.manualpayments.order.Submission;
import com.chatcommerce.manualpayments.order.SubmissionService;
import com.chatcommerce.manualpayments.order.SubmittedPayment;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemService;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.support.Catalog;
import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Part 2, in a JVM of its own with the application's heap: the application's context against
 * MariaDB, its job workers switched off, and the worker handler beans called directly (no engine)
 * from 16 threads, as the Camunda client would call them. Each job type runs over its own set of
 * orders in the state the process would have them in.
 */
public final class WorkersBench {

  private WorkersBench() {}

  public static void main(String[] args) throws Exception {
    BenchConfig config = BenchConfig.fromSystemProperties();
    SpringApplication application = new SpringApplication(ManualPaymentsApplication.class);
    try (ConfigurableApplicationContext context = application.run(args)) {
      new Run(context, config).run();
    }
    System.exit(0);
  }

  private static final class Run {
    private final ConfigurableApplicationContext context;
    private final BenchConfig config;
    private final SubmissionService submissions;
    private final DecisionClaimService claims;
    private final long clientBase;
    private final int clientCount = 100;
    private final long offerId;

    Run(ConfigurableApplicationContext context, BenchConfig config) {
      this.context = context;
      this.config = config;
      this.submissions = context.getBean(SubmissionService.class);
      this.claims = context.getBean(DecisionClaimService.class);
      this.offerId =
          new Catalog(
                  context.getBean(PaymentSystemService.class),
                  context.getBean(OfferService.class),
                  context.getBean(ClientService.class))
              .cashDeskOffer()
              .offerId();
      ClientService clients = context.getBean(ClientService.class);
      long first = 0;
      for (int i = 0; i < clientCount; i++) {
        long id =
            clients
                .create("Client " + i, "client" + i + "@example.com", "+7900123" + (4000 + i))
                .id();
        first = i == 0 ? id : first;
      }
      this.clientBase = first;
    }

    void run() throws Exception {
      int threads = config.workerConcurrency();
      int rounds = config.workerRounds();
      line(
          f(
              "== workers alone: handler beans called directly against MariaDB, %d threads, %d jobs per type"
                  + " in each of %d rounds (after a warm-up round of %d), median round shown, application heap -Xmx%s",
              threads, config.workerJobs(), rounds, config.workerWarmupJobs(), config.appXmx()));
      round(config.workerWarmupJobs(), threads);
      Stats.loadLine("workers");
      CpuMeter cpu = new CpuMeter("app JVM (workers and " + threads + " callers)", null).start();
      List<List<Timing>> measured = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        measured.add(round(config.workerJobs(), threads));
      }
      for (int type = 0; type < measured.get(0).size(); type++) {
        int t = type;
        List<Timing> sorted =
            measured.stream()
                .map(m -> m.get(t))
                .sorted(Comparator.comparingDouble(Timing::jobsPerSecond))
                .toList();
        Timing median = sorted.get(sorted.size() / 2);
        line(
            median.line()
                + f(
                    " [rounds: %s]",
                    String.join(
                        ", ",
                        measured.stream().map(m -> f("%.0f", m.get(t).jobsPerSecond())).toList())));
      }
      line(cpu.stop().replace("  cpu", "workers cpu"));
    }

    record Timing(double jobsPerSecond, String line) {}

    /** One pass over every job type: orders are opened first (the API's part, not timed). */
    private List<Timing> round(int jobs, int threads) throws Exception {
      String[] ids = new String[2 * jobs];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = UUID.randomUUID().toString();
      }
      String today = LocalDate.now().toString();
      AtomicInteger setupFailures = new AtomicInteger();
      parallel(
          ids.length,
          threads,
          i ->
              retrying(
                  setupFailures,
                  () ->
                      submissions.open(
                          ids[i],
                          Submission.byClient(
                              client(i), offerId, today, "paid from card *1234", "platform"))));

      RecordOpenOrderWorker recordOpen = context.getBean(RecordOpenOrderWorker.class);
      UpdateCrmWorker crm = context.getBean(UpdateCrmWorker.class);
      PostChatIndicatorWorker chat = context.getBean(PostChatIndicatorWorker.class);
      PostReviewReminderWorker reminder = context.getBean(PostReviewReminderWorker.class);
      SettleDecisionWorker settle = context.getBean(SettleDecisionWorker.class);
      ApproveOrderWorker approve = context.getBean(ApproveOrderWorker.class);
      RejectOrderWorker reject = context.getBean(RejectOrderWorker.class);
      RefundOrderWorker refund = context.getBean(RefundOrderWorker.class);
      String deadline = Instant.now().plus(30, ChronoUnit.DAYS).toString();

      List<Timing> timings = new ArrayList<>();
      String submittedAt = Instant.now().toString();
      timings.add(
          time(
              JobTypes.ORDER_RECORD_OPEN,
              ids.length,
              threads,
              i ->
                  recordOpen.recordOpen(
                      new SubmittedPayment(ids[i], submittedAt, null, null, null, null),
                      job(1_000_000L + i))));
      timings.add(
          time(
              JobTypes.CRM_UPDATE_ORDER,
              ids.length,
              threads,
              i ->
                  crm.update(
                      new UpdateCrmWorker.OrderState(
                          ids[i], client(i), offerId, "OPEN", "1500.00", "RUB"))));
      timings.add(
          time(
              JobTypes.CHAT_POST_INDICATOR,
              ids.length,
              threads,
              i ->
                  chat.post(new PostChatIndicatorWorker.ReachedStatus(ids[i], client(i), "OPEN"))));
      timings.add(
          time(
              JobTypes.CHAT_POST_REMINDER,
              jobs,
              threads,
              i ->
                  reminder.remind(
                      new PostReviewReminderWorker.OpenReview(ids[i], client(i), deadline))));
      // The API claims the first half for approvals (not timed); the deadline claims the second
      // half.
      parallel(
          jobs,
          threads,
          i ->
              retrying(
                  setupFailures,
                  () ->
                      claims.claimBeforeDeadline(
                          ids[i],
                          "manager/" + ids[i],
                          Decision.APPROVE,
                          Correction.NONE,
                          new Actor("manager", Channel.API))));
      timings.add(
          time(
              JobTypes.ORDER_SETTLE_DECISION,
              ids.length,
              threads,
              i ->
                  settle.settle(
                      i < jobs
                          ? new ReviewDecision(
                              ids[i],
                              "APPROVE",
                              null,
                              null,
                              null,
                              null,
                              "manager/" + ids[i],
                              "api",
                              "manager")
                          : new ReviewDecision(
                              ids[i], null, null, null, null, null, null, "timer", null))));
      timings.add(time(JobTypes.ORDER_APPROVE, jobs, threads, i -> approve.approve(ids[i])));
      timings.add(time(JobTypes.ORDER_REJECT, jobs, threads, i -> reject.reject(ids[jobs + i])));
      timings.add(
          time(
              JobTypes.ORDER_REFUND,
              jobs,
              threads,
              i ->
                  refund.refund(
                      new RefundRequested(
                          ids[i], client(i), "manager", "course cancelled", null))));
      return timings;
    }

    private long client(int i) {
      return clientBase + i % clientCount;
    }

    /**
     * Runs each job until it succeeds, as the engine would redeliver a failed one (without its
     * backoff): a failure costs its time and is counted.
     */
    private static Timing time(String type, int jobs, int threads, IntConsumer handler)
        throws Exception {
      long[] latencies = new long[jobs];
      AtomicInteger failures = new AtomicInteger();
      long start = System.nanoTime();
      parallel(
          jobs,
          threads,
          i -> {
            long t = System.nanoTime();
            retrying(failures, () -> handler.accept(i));
            latencies[i] = System.nanoTime() - t;
          });
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Timing(
          jobs / seconds,
          f(
              "workers %-20s %7.0f jobs/s (%d jobs in %.2f s, %d failed and retried;"
                  + " per job %s)%s",
              type,
              jobs / seconds,
              jobs,
              seconds,
              failures.get(),
              Stats.latencies(latencies).replace(" (n = " + jobs + ")", ""),
              jobs / seconds >= 1500 ? "" : "  < 1500 target"));
    }

    private static void retrying(AtomicInteger failures, Runnable work) {
      for (int attempt = 1; ; attempt++) {
        try {
          work.run();
          return;
        } catch (RuntimeException e) {
          failures.incrementAndGet();
          if (attempt == 5) {
            throw e;
          }
        }
      }
    }

    private static void parallel(int count, int threads, IntConsumer body) throws Exception {
      AtomicInteger next = new AtomicInteger();
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                      body.accept(i);
                    }
                    return null;
                  }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      }
    }
  }

  /** The two things a worker reads from its job: the key and the process instance's key. */
  static ActivatedJob job(long key) {
    return (ActivatedJob)
        Proxy.newProxyInstance(
            WorkersBench.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, arguments) ->
                switch (method.getName()) {
                  case "getKey", "getProcessInstanceKey" -> key;
                  case "getVariablesAsMap" -> Map.of();
                  case "hashCode" -> Long.hashCode(key);
                  case "equals" -> proxy == arguments[0];
                  case "toString" -> "job " + key;
                  default -> {
                    Class<?> type = method.getReturnType();
                    if (type == long.class) {
                      yield 0L;
                    }
                    if (type == int.class) {
                      yield 0;
                    }
                    if (type == boolean.class) {
                      yield false;
                    }
                    yield null;
                  }
                });
  }

  /** Runs this part in a child JVM with the application's heap and waits for it. */
  static void runInChild(BenchConfig config, BenchDatabase db) throws Exception {
    db.clean();
    List<String> args =
        List.of(
            "--server.port=0",
            "--camunda.client.worker.defaults.enabled=false",
            "--camunda.client.deployment.enabled=false",
            "--camunda.client.grpc-address=http://127.0.0.1:" + AppProcess.freePort());
    java.nio.file.Path log = AppProcess.logDir().resolve("workers.log");
    List<String> props = new ArrayList<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("bench.")) {
        props.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    Process child = AppProcess.fork(config, WorkersBench.class.getName(), props, args, log);
    int exit = child.waitFor();
    // The child's figures are the lines starting with "workers", "load" or "==".
    for (String l : java.nio.file.Files.readAllLines(log)) {
      if (l.startsWith("workers ") || l.startsWith("load before") || l.startsWith("== workers")) {
        line(l);
      }
    }
    if (exit != 0) {
      line("workers part FAILED (exit " + exit + "); see " + log.toAbsolutePath());
    }
  }
}
