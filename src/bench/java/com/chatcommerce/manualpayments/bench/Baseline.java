package com.chatcommerce.manualpayments.bench;

import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.order.SubmittedPayment;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The engine's ceiling: the same BPMN on the same in-memory engine, with no-op workers — plain
 * {@link CamundaClient} workers that fetch what the real ones fetch and complete each job at once
 * with the variables the real ones return — no API and no database.
 */
final class Baseline implements FlowRunner.Driver, AutoCloseable {

  /**
   * As camunda.client.worker.defaults in application.yaml, so that both runs ask the engine alike.
   */
  static final int MAX_JOBS_ACTIVE = Integer.getInteger("bench.baseline.max-jobs-active", 32);

  static final java.time.Duration POLL_INTERVAL =
      java.time.Duration.parse(System.getProperty("bench.baseline.poll-interval", "PT0.1S"));

  private final CamundaClient client;
  private final FlowRunner.Signals signals;
  private final List<JobWorker> workers = new ArrayList<>();

  Baseline(CamundaClient client, FlowRunner.Signals signals) {
    this.client = client;
    this.signals = signals;
    Instant now = Instant.now();
    open(
        JobTypes.ORDER_RECORD_OPEN,
        List.of(
            Variables.ORDER_ID,
            Variables.SUBMITTED_AT,
            Variables.CLIENT_ID,
            Variables.OFFER_ID,
            Variables.PAYMENT_DATE,
            Variables.COMMENT),
        job -> {
          Map<String, Object> v = new HashMap<>();
          v.put(Variables.ORDER_ID, job.getVariable(Variables.ORDER_ID));
          v.put(Variables.SOURCE, "CLIENT");
          v.put(Variables.CLIENT_ID, 1L);
          v.put(Variables.OFFER_ID, 1L);
          v.put(Variables.STATUS, "OPEN");
          v.put(Variables.AMOUNT, "1500.00");
          v.put(Variables.CURRENCY, "RUB");
          v.put(Variables.PAYMENT_DATE, LocalDate.now().toString());
          v.put(Variables.COMMENT, "bench");
          v.put(Variables.REVIEW_DEADLINE, now.plus(30, ChronoUnit.DAYS).toString());
          v.put(Variables.REVIEW_DEADLINE_TEXT, "in 30 days");
          v.put(Variables.REVIEW_REMINDER_AT, now.plus(27, ChronoUnit.DAYS).toString());
          v.put(Variables.CLIENT_NAME, "Bench client");
          v.put(Variables.OFFER_NAME, "Bench offer");
          v.put(
              Variables.CURRENCY_OPTIONS,
              List.of(
                  Map.of("label", "RUB", "value", "RUB"), Map.of("label", "USD", "value", "USD")));
          return v;
        });
    open(
        JobTypes.CRM_UPDATE_ORDER,
        List.of(
            Variables.ORDER_ID,
            Variables.CLIENT_ID,
            Variables.OFFER_ID,
            Variables.STATUS,
            Variables.AMOUNT,
            Variables.CURRENCY),
        job -> Map.of());
    open(
        JobTypes.CHAT_POST_INDICATOR,
        List.of(Variables.ORDER_ID, Variables.CLIENT_ID, Variables.STATUS),
        job -> {
          // The moment the real worker has written the indicator row, before it completes the job.
          signals.reached(
              (String) job.getVariable(Variables.ORDER_ID),
              (String) job.getVariable(Variables.STATUS));
          return Map.of();
        });
    open(
        JobTypes.ORDER_SETTLE_DECISION,
        List.of(
            Variables.ORDER_ID,
            Variables.DECISION,
            Variables.CORRECTED_AMOUNT,
            Variables.CORRECTED_CURRENCY,
            Variables.CORRECTED_PAYMENT_DATE,
            Variables.MANAGER_COMMENT,
            Variables.DECISION_ID,
            Variables.DECISION_CHANNEL,
            Variables.DECIDED_BY),
        job ->
            Map.of(
                Variables.DECISION,
                job.getVariable(Variables.DECISION),
                Variables.DECIDED_BY,
                "manager",
                Variables.DECISION_CHANNEL,
                "api"));
    open(
        JobTypes.ORDER_APPROVE,
        List.of(Variables.ORDER_ID),
        job ->
            Map.of(
                Variables.STATUS,
                "APPROVED",
                Variables.AMOUNT,
                "1500.00",
                Variables.CURRENCY,
                "RUB"));
    open(
        JobTypes.ORDER_REJECT,
        List.of(Variables.ORDER_ID),
        job ->
            Map.of(
                Variables.STATUS,
                "REJECTED",
                Variables.AMOUNT,
                "1500.00",
                Variables.CURRENCY,
                "RUB"));
    open(
        JobTypes.ORDER_REFUND,
        List.of(
            Variables.ORDER_ID,
            Variables.CLIENT_ID,
            Variables.DECIDED_BY,
            Variables.COMMENT,
            Variables.PAYMENT_PROCESS_INSTANCE_KEY),
        job ->
            Map.of(
                Variables.OFFER_ID,
                1L,
                Variables.STATUS,
                "REFUNDED",
                Variables.AMOUNT,
                "1500.00",
                Variables.CURRENCY,
                "RUB"));
    open(
        JobTypes.CHAT_POST_REMINDER,
        List.of(Variables.ORDER_ID, Variables.CLIENT_ID, Variables.REVIEW_DEADLINE),
        job -> Map.of());
  }

  private void open(
      String type, List<String> fetch, Function<ActivatedJob, Map<String, Object>> result) {
    workers.add(
        client
            .newWorker()
            .jobType(type)
            .handler(
                (JobClient jobs, ActivatedJob job) ->
                    jobs.newCompleteCommand(job).variables(result.apply(job)).send())
            .maxJobsActive(MAX_JOBS_ACTIVE)
            .pollInterval(POLL_INTERVAL)
            .fetchVariables(fetch)
            .streamEnabled(true)
            .open());
  }

  /**
   * What the API does for a submission, minus the database: start the instance and wait for its
   * key.
   */
  @Override
  public String submit(int flow) {
    String orderId = UUID.randomUUID().toString();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(ManualPaymentProcess.PROCESS_ID)
        .latestVersion()
        .variables(SubmittedPayment.byApi(orderId, Instant.now().toString()))
        .tags(ManualPaymentProcess.orderTag(orderId))
        .send()
        .join();
    return orderId;
  }

  /** What the API publishes for an approval. */
  @Override
  public void approve(String orderId) {
    String decisionId = "manager/" + UUID.randomUUID();
    client
        .newPublishMessageCommand()
        .messageName(Messages.DECISION)
        .correlationKey(orderId)
        .messageId(decisionId)
        .variables(
            new ReviewDecision(
                orderId, "APPROVE", null, null, null, "bench", decisionId, "api", "manager"))
        .send()
        .join();
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
