package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.chat.PostChatIndicatorWorker;
import com.chatcommerce.manualpayments.chat.PostReviewReminderWorker;
import com.chatcommerce.manualpayments.crm.UpdateCrmWorker;
import com.chatcommerce.manualpayments.order.ApproveOrderWorker;
import com.chatcommerce.manualpayments.order.Channel;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.RecordOpenOrderWorker;
import com.chatcommerce.manualpayments.order.RefundOrderWorker;
import com.chatcommerce.manualpayments.order.RefundRequested;
import com.chatcommerce.manualpayments.order.RejectOrderWorker;
import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.order.SettleDecisionWorker;
import com.chatcommerce.manualpayments.order.Submission;
import com.chatcommerce.manualpayments.order.SubmissionService;
import com.chatcommerce.manualpayments.order.SubmittedPayment;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.Catalog;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every worker, on the real engine, for every status it writes: the first delivery of each job type
 * for each order state it leaves behind commits its database work and then dies without completing
 * the job, so the engine hands the job out again once it times out. The end state equals that of
 * the same flows delivered once. The test drives the real worker beans itself (the application's
 * own workers are off) so that it decides which delivery dies.
 */
class RedeliveredJobTest {

  private static final Duration SHORT_JOB_TIMEOUT = Duration.ofSeconds(1);

  private InMemoryEngine engine;
  private ConfigurableApplicationContext app;
  private JdbcTemplate jdbc;

  /**
   * A fresh engine and application per scenario, so that the engine's clock agrees with the
   * application's.
   */
  private void start() {
    engine = InMemoryEngine.start();
    String[] args = {
      "--spring.profiles.active=embedded,test",
      "--camunda.client.grpc-address=" + engine.grpcAddress(),
      "--camunda.client.worker.defaults.enabled=false"
    };
    app =
        new SpringApplicationBuilder(ManualPaymentsApplication.class, Catalog.class)
            .web(WebApplicationType.NONE)
            .run(args);
    jdbc = app.getBean(JdbcTemplate.class);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
      engine.close();
      app = null;
    }
  }

  @Test
  void everyWorkerDyingAfterItsCommitLeavesTheSameEndStateAsASingleDelivery() {
    List<String> once = runScenario(false);
    Set<String> diedAfterCommit = new HashSet<>();
    List<String> redelivered = runScenario(true, diedAfterCommit);

    // Each entry: the job type, then the order as the delivery left it: status, rejection reason,
    // the decision claimed and the channel that claimed it.
    assertThat(diedAfterCommit)
        .containsExactlyInAnyOrder(
            JobTypes.ORDER_RECORD_OPEN + " OPEN",
            JobTypes.ORDER_SETTLE_DECISION + " OPEN claimed APPROVE by api",
            JobTypes.ORDER_SETTLE_DECISION + " OPEN claimed REJECT by api",
            JobTypes.ORDER_SETTLE_DECISION + " OPEN claimed REJECT by timer",
            JobTypes.ORDER_APPROVE + " APPROVED",
            JobTypes.ORDER_APPROVE + " COMPLETED",
            JobTypes.ORDER_REJECT + " REJECTED MANAGER",
            JobTypes.ORDER_REJECT + " REJECTED TIMEOUT",
            JobTypes.ORDER_REFUND + " REFUNDED",
            JobTypes.CRM_UPDATE_ORDER + " OPEN",
            JobTypes.CRM_UPDATE_ORDER + " APPROVED",
            JobTypes.CRM_UPDATE_ORDER + " COMPLETED",
            JobTypes.CRM_UPDATE_ORDER + " REJECTED MANAGER",
            JobTypes.CRM_UPDATE_ORDER + " REJECTED TIMEOUT",
            JobTypes.CRM_UPDATE_ORDER + " REFUNDED",
            JobTypes.CHAT_POST_INDICATOR + " OPEN",
            JobTypes.CHAT_POST_INDICATOR + " APPROVED",
            JobTypes.CHAT_POST_INDICATOR + " COMPLETED",
            JobTypes.CHAT_POST_INDICATOR + " REJECTED MANAGER",
            JobTypes.CHAT_POST_INDICATOR + " REJECTED TIMEOUT",
            JobTypes.CHAT_POST_INDICATOR + " REFUNDED",
            JobTypes.CHAT_POST_REMINDER + " OPEN");
    assertThat(redelivered).isEqualTo(once);
  }

  private List<String> runScenario(boolean die) {
    return runScenario(die, new HashSet<>());
  }

  /**
   * An approval, a manager's order completed, a manager's rejection, a refund, and an expiry with
   * its reminder; returns the orders' end state.
   */
  private List<String> runScenario(boolean die, Set<String> died) {
    stop();
    start();
    Catalog.Setup setup = app.getBean(Catalog.class).cashDeskOffer();
    app.getBean(TransactionTemplate.class)
        .executeWithoutResult(
            t ->
                jdbc.update(
                    "update offers set confirmation_window = 'PT1H' where id = ?",
                    setup.offerId()));
    Driver driver = new Driver(die, died);

    String approved = start(setup, OrderSource.CLIENT, driver);
    String completed = start(setup, OrderSource.MANAGER, driver);
    String rejected = start(setup, OrderSource.CLIENT, driver);
    String refunded = start(setup, OrderSource.CLIENT, driver);
    String expired = start(setup, OrderSource.CLIENT, driver);
    decide(approved, "APPROVE", driver);
    decide(completed, "APPROVE", driver);
    decide(rejected, "REJECT", driver);
    decide(refunded, "APPROVE", driver);
    engine
        .client()
        .newPublishMessageCommand()
        .messageName(Messages.REFUND_REQUESTED)
        .correlationKey(refunded)
        .messageId("refund:" + refunded)
        .variables(new RefundRequested(refunded, setup.clientId(), "manager", null, null))
        .send()
        .join();
    driver.run(JobTypes.ORDER_REFUND, JobTypes.CRM_UPDATE_ORDER, JobTypes.CHAT_POST_INDICATOR);
    engine.increaseTime(Duration.ofHours(1));
    driver.run(
        JobTypes.CHAT_POST_REMINDER,
        JobTypes.ORDER_SETTLE_DECISION,
        JobTypes.ORDER_REJECT,
        JobTypes.CRM_UPDATE_ORDER,
        JobTypes.CHAT_POST_INDICATOR);
    engine.idle();

    List<String> state = new ArrayList<>();
    for (String id : List.of(approved, completed, rejected, refunded, expired)) {
      state.addAll(
          jdbc.queryForList(
              "select concat_ws('|', status, final_amount, fee_amount, net_amount,"
                  + " coalesce(rejection_reason, '-'), coalesce(pending_action, '-')) from orders where id = ?",
              String.class,
              id));
      state.addAll(
          jdbc.queryForList(
              "select concat_ws('|', event, field, coalesce(from_value, '-'),"
                  + " coalesce(to_value, '-'), actor, channel) from order_history where order_id = ? order by id",
              String.class,
              id));
      state.addAll(
          jdbc.queryForList(
              "select replace(text, ?, '<order>') from chat_indicators where order_id = ?"
                  + " order by id",
              String.class,
              id,
              id));
      state.addAll(
          jdbc.queryForList(
              "select concat_ws('|', status, amount) from crm_client_orders"
                  + " where order_id = ?",
              String.class,
              id));
    }
    // The two runs differ only in their ids and times.
    return state.stream()
        .map(
            line ->
                line.replaceAll("client:\\d+", "client:<id>")
                    .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>"))
        .toList();
  }

  private String start(Catalog.Setup setup, OrderSource source, Driver driver) {
    String orderId = UUID.randomUUID().toString();
    // What the API writes before it starts the process.
    Instant submittedAt =
        app.getBean(SubmissionService.class)
            .open(
                orderId,
                new Submission(
                    source,
                    Channel.API,
                    setup.clientId(),
                    setup.offerId(),
                    null,
                    null,
                    null,
                    null,
                    false,
                    "platform",
                    null))
            .submittedAt();
    engine
        .client()
        .newCreateInstanceCommand()
        .bpmnProcessId(ManualPaymentProcess.PROCESS_ID)
        .latestVersion()
        .variables(SubmittedPayment.byApi(orderId, submittedAt.toString()))
        .send()
        .join();
    driver.run(JobTypes.ORDER_RECORD_OPEN, JobTypes.CRM_UPDATE_ORDER, JobTypes.CHAT_POST_INDICATOR);
    return orderId;
  }

  private void decide(String orderId, String decision, Driver driver) {
    engine
        .client()
        .newPublishMessageCommand()
        .messageName(Messages.DECISION)
        .correlationKey(orderId)
        .messageId(UUID.randomUUID().toString())
        .variables(
            new ReviewDecision(
                orderId, decision, null, null, null, null, "manager/" + orderId, "api", "manager"))
        .send()
        .join();
    driver.run(
        JobTypes.ORDER_SETTLE_DECISION,
        decision.equals("APPROVE") ? JobTypes.ORDER_APPROVE : JobTypes.ORDER_REJECT,
        JobTypes.CRM_UPDATE_ORDER,
        JobTypes.CHAT_POST_INDICATOR);
  }

  /**
   * Plays the workers: runs the real handler, and on the first delivery of a job type that leaves
   * its order in a given state dies after it.
   */
  private final class Driver {
    private final boolean die;
    private final Set<String> died;

    Driver(boolean die, Set<String> died) {
      this.die = die;
      this.died = died;
    }

    void run(String... types) {
      for (String type : types) {
        ActivatedJob job = activate(type);
        Object variables = handle(job);
        if (die
            && died.add(type + " " + orderState((String) job.getVariable(Variables.ORDER_ID)))) {
          // The handler committed; the worker dies before completing. The engine times the job out
          // and hands it out again.
          ActivatedJob again = activate(type);
          assertThat(again.getKey()).isEqualTo(job.getKey());
          variables = handle(again);
          job = again;
        }
        engine.client().newCompleteCommand(job).variables(variables).send().join();
      }
    }

    private String orderState(String orderId) {
      return jdbc.queryForObject(
          "select concat_ws(' ', o.status, o.rejection_reason,"
              + " case when o.status = 'OPEN' and d.decision is not null then concat('claimed ', d.decision, ' by ', d.channel) end)"
              + " from orders o left join order_decisions d on d.order_id = o.id where o.id = ?",
          String.class,
          orderId);
    }

    private ActivatedJob activate(String type) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        engine.idle();
        List<ActivatedJob> jobs =
            engine
                .client()
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(1)
                .timeout(SHORT_JOB_TIMEOUT)
                .send()
                .join()
                .getJobs();
        if (!jobs.isEmpty()) {
          return jobs.get(0);
        }
        sleep();
      }
      throw new AssertionError("no job of type " + type);
    }

    private Object handle(ActivatedJob job) {
      String orderId = (String) job.getVariable(Variables.ORDER_ID);
      return switch (job.getType()) {
        case JobTypes.ORDER_RECORD_OPEN ->
            app.getBean(RecordOpenOrderWorker.class)
                .recordOpen(job.getVariablesAsType(SubmittedPayment.class), job);
        case JobTypes.ORDER_SETTLE_DECISION ->
            app.getBean(SettleDecisionWorker.class)
                .settle(job.getVariablesAsType(ReviewDecision.class));
        case JobTypes.ORDER_APPROVE -> app.getBean(ApproveOrderWorker.class).approve(orderId);
        case JobTypes.ORDER_REJECT -> app.getBean(RejectOrderWorker.class).reject(orderId);
        case JobTypes.ORDER_REFUND ->
            app.getBean(RefundOrderWorker.class)
                .refund(job.getVariablesAsType(RefundRequested.class));
        case JobTypes.CRM_UPDATE_ORDER -> {
          app.getBean(UpdateCrmWorker.class)
              .update(job.getVariablesAsType(UpdateCrmWorker.OrderState.class));
          yield Map.of();
        }
        case JobTypes.CHAT_POST_INDICATOR -> {
          app.getBean(PostChatIndicatorWorker.class)
              .post(job.getVariablesAsType(PostChatIndicatorWorker.ReachedStatus.class));
          yield Map.of();
        }
        case JobTypes.CHAT_POST_REMINDER -> {
          app.getBean(PostReviewReminderWorker.class)
              .remind(job.getVariablesAsType(PostReviewReminderWorker.OpenReview.class));
          yield Map.of();
        }
        default -> throw new AssertionError("unexpected job type " + job.getType());
      };
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
