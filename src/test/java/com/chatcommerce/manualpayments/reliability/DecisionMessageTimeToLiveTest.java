package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workers are stopped before an order's review opens, and a manager's decision outlives its
 * message: the engine drops the message after {@code DECISION_MESSAGE_TTL} (here one minute) with
 * no review to take it. The order keeps its claim, refuses other decisions, and the deadline
 * applies the claimed decision.
 */
class DecisionMessageTimeToLiveTest {

  private static final Duration TTL = Duration.ofMinutes(1);

  private InMemoryEngine engine;
  private ConfigurableApplicationContext apiContext;
  private ConfigurableApplicationContext workers;

  @BeforeEach
  void start() {
    engine = InMemoryEngine.start();
    apiContext = app(WebApplicationType.SERVLET, Map.of("server.port", "0",
        "camunda.client.worker.defaults.enabled", "false", "manual-payments.decision-message-ttl", TTL.toString()));
  }

  @AfterEach
  void stop() {
    if (workers != null) {
      workers.close();
    }
    apiContext.close();
    engine.close();
  }

  @Test
  void decisionWhoseMessageExpiredBeforeTheReviewOpenedKeepsItsClaimAndTheDeadlineAppliesIt() {
    Api api = new Api(Integer.parseInt(apiContext.getEnvironment().getProperty("local.server.port")));
    Fixtures fixtures = new Fixtures(api);
    long offer = fixtures.offer(fixtures.cashDesk(), "300.00", "RUB", "PT1H");
    long client = fixtures.client();
    JdbcTemplate jdbc = apiContext.getBean(JdbcTemplate.class);
    String id = fixtures.submit(client, offer, "decided before its review opened");
    long instance = jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);

    assertThat(api.post("/api/v1/orders/" + id + "/approve", "{\"comment\":\"paid at the desk\"}").status())
        .isEqualTo(202);
    engine.increaseTime(TTL.plusMinutes(1));
    await().atMost(Duration.ofSeconds(15)).until(() -> expiredDecisionMessages(id) == 1);

    workers = app(WebApplicationType.NONE, Map.of("camunda.client.deployment.enabled", "false"));
    await().atMost(Duration.ofSeconds(30)).until(() -> reached(instance, Elements.REVIEW_PAYMENT, ProcessInstanceIntent.ELEMENT_ACTIVATED));
    engine.idle();
    assertThat(reached(instance, Elements.DECISION_RECEIVED, ProcessInstanceIntent.ELEMENT_COMPLETED)).as("the expired message closed nothing").isFalse();
    assertThat(jdbc.queryForObject("select status from orders where id = ?", String.class, id)).isEqualTo("OPEN");
    assertThat(api.post("/api/v1/orders/" + id + "/reject", "{}").status()).as("the order keeps its claim")
        .isEqualTo(409);

    engine.increaseTime(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "APPROVED".equals(jdbc.queryForObject("select status from orders where id = ?", String.class, id)));

    assertThat(jdbc.queryForList("select concat_ws('|', event, actor, door, coalesce(comment, '-')) from order_history"
        + " where order_id = ? and field = 'status' order by id", String.class, id))
        .containsExactly("SUBMITTED|client:" + client + "|api|decided before its review opened",
            "APPROVED|manager|api|paid at the desk");
    await().atMost(Duration.ofSeconds(15)).until(() -> reached(instance, Elements.APPROVE_ORDER, ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(reached(instance, Elements.REVIEW_TIMED_OUT, ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(publishedDecisionMessages(id)).hasSize(1);
  }

  private Set<Long> publishedDecisionMessages(String orderId) {
    return EngineRecords.<MessageRecordValue>of(engine, ValueType.MESSAGE)
        .filter(r -> r.getIntent() == MessageIntent.PUBLISHED && r.getValue().getName().equals(Messages.DECISION))
        .filter(r -> r.getValue().getCorrelationKey().equals(orderId))
        .map(Record::getKey)
        .collect(Collectors.toSet());
  }

  /** The engine's expiry record names the message by its key only. */
  private long expiredDecisionMessages(String orderId) {
    Set<Long> published = publishedDecisionMessages(orderId);
    return EngineRecords.<MessageRecordValue>of(engine, ValueType.MESSAGE)
        .filter(r -> r.getIntent() == MessageIntent.EXPIRED && published.contains(r.getKey()))
        .count();
  }

  private boolean reached(long instance, String elementId, ProcessInstanceIntent intent) {
    return EngineRecords.<ProcessInstanceRecordValue>of(engine, ValueType.PROCESS_INSTANCE)
        .anyMatch(r -> r.getValue().getProcessInstanceKey() == instance
            && r.getValue().getElementId().equals(elementId) && r.getIntent() == intent);
  }

  private ConfigurableApplicationContext app(WebApplicationType type, Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("camunda.client.grpc-address", engine.grpcAddress());
    all.put("spring.profiles.active", "embedded,test");
    String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(ManualPaymentsApplication.class).web(type).run(args);
  }
}
