package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.chat.PostChatIndicatorWorker;
import com.chatcommerce.manualpayments.chat.PostReviewReminderWorker;
import com.chatcommerce.manualpayments.crm.UpdateCrmWorker;
import com.chatcommerce.manualpayments.order.ApproveOrderWorker;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.RecordOpenOrderWorker;
import com.chatcommerce.manualpayments.order.RefundOrderWorker;
import com.chatcommerce.manualpayments.order.RejectOrderWorker;
import com.chatcommerce.manualpayments.order.PaymentRequests;
import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.order.SettleDecisionWorker;
import com.chatcommerce.manualpayments.order.Submission;
import com.chatcommerce.manualpayments.order.Submissions;
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
 * Every worker, on the real engine: its first delivery commits its database work and then dies
 * without completing the job, so the engine hands the job out again once it times out. The end
 * state equals that of the same flows delivered once. The test drives the real worker beans itself
 * (the application's own workers are off) so that it decides which delivery dies.
 */
class RedeliveredJobTest {

  private static final Duration SHORT_JOB_TIMEOUT = Duration.ofSeconds(1);

  private InMemoryEngine engine;
  private ConfigurableApplicationContext app;
  private JdbcTemplate jdbc;

  /** A fresh engine and application per scenario, so that the engine's clock agrees with the application's. */
  private void start() {
    engine = InMemoryEngine.start();
    String[] args = {
      "--spring.profiles.active=embedded,test", "--camunda.client.grpc-address=" + engine.grpcAddress(),
      "--camunda.client.worker.defaults.enabled=false"
    };
    app = new SpringApplicationBuilder(ManualPaymentsApplication.class, Catalog.class)
        .web(WebApplicationType.NONE).run(args);
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

    assertThat(diedAfterCommit).containsExactlyInAnyOrder(
        JobTypes.ORDER_RECORD_OPEN, JobTypes.ORDER_SETTLE_DECISION, JobTypes.ORDER_APPROVE, JobTypes.ORDER_REJECT,
        JobTypes.ORDER_REFUND,
        JobTypes.CRM_UPDATE_ORDER, JobTypes.CHAT_POST_INDICATOR, JobTypes.CHAT_POST_REMINDER);
    assertThat(redelivered).isEqualTo(once);
  }

  private List<String> runScenario(boolean die) {
    return runScenario(die, new HashSet<>());
  }

  /** An approval, a refund and an expiry with its reminder; returns the orders' end state. */
  private List<String> runScenario(boolean die, Set<String> died) {
    stop();
    start();
    Catalog.Setup setup = app.getBean(Catalog.class).cashDeskOffer();
    app.getBean(TransactionTemplate.class).executeWithoutResult(t ->
        jdbc.update("update offers set confirmation_window = 'PT1H' where id = ?", setup.offerId()));
    Driver driver = new Driver(die, died);

    String approved = start(setup, driver);
    String refunded = start(setup, driver);
    String expired = start(setup, driver);
    decide(approved, driver);
    decide(refunded, driver);
    engine.client().newPublishMessageCommand().messageName(Messages.REFUND_REQUESTED).correlationKey(refunded)
        .messageId("refund:" + refunded)
        .variables(new PaymentRequests.RefundRequested(refunded, setup.clientId(), "manager", null, null))
        .send().join();
    driver.run(JobTypes.ORDER_REFUND, JobTypes.CRM_UPDATE_ORDER, JobTypes.CHAT_POST_INDICATOR);
    engine.increaseTime(Duration.ofHours(1));
    driver.run(JobTypes.CHAT_POST_REMINDER, JobTypes.ORDER_SETTLE_DECISION, JobTypes.ORDER_REJECT,
        JobTypes.CRM_UPDATE_ORDER, JobTypes.CHAT_POST_INDICATOR);
    engine.idle();

    List<String> state = new ArrayList<>();
    for (String id : List.of(approved, refunded, expired)) {
      state.addAll(jdbc.queryForList("select concat_ws('|', status, final_amount, fee_amount, net_amount,"
          + " coalesce(rejection_reason, '-'), coalesce(pending_action, '-')) from orders where id = ?", String.class, id));
      state.addAll(jdbc.queryForList("select concat_ws('|', event, field, coalesce(from_value, '-'),"
          + " coalesce(to_value, '-'), actor, door) from order_history where order_id = ? order by id", String.class, id));
      state.addAll(jdbc.queryForList("select replace(text, ?, '<order>') from chat_indicators where order_id = ?"
          + " order by id", String.class, id, id));
      state.addAll(jdbc.queryForList("select concat_ws('|', status, amount) from crm_client_orders"
          + " where order_id = ?", String.class, id));
    }
    // The two runs differ only in their ids and times.
    return state.stream()
        .map(line -> line.replaceAll("client:\\d+", "client:<id>").replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>"))
        .toList();
  }

  private String start(Catalog.Setup setup, Driver driver) {
    String orderId = UUID.randomUUID().toString();
    // What the API writes before it starts the process.
    Instant submittedAt = app.getBean(Submissions.class).open(orderId, new Submission(OrderSource.CLIENT,
        setup.clientId(), setup.offerId(), null, null, null, null, false, "platform")).submittedAt();
    engine.client().newCreateInstanceCommand().bpmnProcessId(ManualPaymentProcess.PROCESS_ID).latestVersion()
        .variables(new PaymentRequests.PaymentStarted(orderId, submittedAt.toString()))
        .send().join();
    driver.run(JobTypes.ORDER_RECORD_OPEN, JobTypes.CRM_UPDATE_ORDER, JobTypes.CHAT_POST_INDICATOR);
    return orderId;
  }

  private void decide(String orderId, Driver driver) {
    engine.client().newPublishMessageCommand().messageName(Messages.DECISION).correlationKey(orderId)
        .messageId(UUID.randomUUID().toString())
        .variables(new ReviewDecision(orderId, "APPROVE", null, null, null, null, "manager/" + orderId, "api",
            "manager"))
        .send().join();
    driver.run(JobTypes.ORDER_SETTLE_DECISION, JobTypes.ORDER_APPROVE, JobTypes.CRM_UPDATE_ORDER,
        JobTypes.CHAT_POST_INDICATOR);
  }

  /** Plays the workers: runs the real handler, and on a job type's first delivery dies after it. */
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
        if (die && died.add(type)) {
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

    private ActivatedJob activate(String type) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        engine.idle();
        List<ActivatedJob> jobs = engine.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
            .timeout(SHORT_JOB_TIMEOUT).send().join().getJobs();
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
        case JobTypes.ORDER_RECORD_OPEN -> app.getBean(RecordOpenOrderWorker.class)
            .recordOpen(job.getVariablesAsType(RecordOpenOrderWorker.SubmittedPayment.class), job);
        case JobTypes.ORDER_SETTLE_DECISION -> app.getBean(SettleDecisionWorker.class)
            .settle(job.getVariablesAsType(ReviewDecision.class));
        case JobTypes.ORDER_APPROVE -> app.getBean(ApproveOrderWorker.class).approve(orderId);
        case JobTypes.ORDER_REJECT -> app.getBean(RejectOrderWorker.class).reject(orderId);
        case JobTypes.ORDER_REFUND -> app.getBean(RefundOrderWorker.class)
            .refund(job.getVariablesAsType(PaymentRequests.RefundRequested.class));
        case JobTypes.CRM_UPDATE_ORDER -> {
          app.getBean(UpdateCrmWorker.class).update(job.getVariablesAsType(UpdateCrmWorker.OrderState.class));
          yield Map.of();
        }
        case JobTypes.CHAT_POST_INDICATOR -> {
          app.getBean(PostChatIndicatorWorker.class)
              .post(job.getVariablesAsType(PostChatIndicatorWorker.StatusChange.class));
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
