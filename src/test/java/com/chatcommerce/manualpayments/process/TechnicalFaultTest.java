package com.chatcommerce.manualpayments.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderRepository;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fault no retry can mend: the real worker retries with backoff, then Operate gets an incident.
 */
@IntegrationTest
class TechnicalFaultTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired OrderRepository orders;

  @Test
  void workerFaultIsRetriedWithBackoffThenBecomesAnIncidentAndTheOrderIsNotLost() {
    Fixtures fixtures = new Fixtures(new Api(port));
    long client = fixtures.client();
    String id =
        fixtures.submit(client, fixtures.offer(fixtures.cashDesk(), "100.00", "RUB", null), null);
    // The database and the process now disagree: settling a decision on a REJECTED order is refused
    // every time.
    long instance = failSettling(id);

    // Through record-open, CRM, chat and the review first: generous, for a busy machine.
    await().atMost(Duration.ofSeconds(90)).until(() -> incident(instance).isPresent());
    IncidentRecordValue incident = incident(instance).orElseThrow();
    assertThat(incident.getElementId()).isEqualTo(ManualPaymentProcess.Elements.SETTLE_DECISION);
    assertThat(incident.getErrorMessage()).contains("ConflictException", "is REJECTED");
    List<Integer> retriesLeft =
        failures(instance).stream().map(r -> r.getValue().getRetries()).toList();
    assertThat(retriesLeft).containsExactly(4, 3, 2, 1, 0);
    assertThat(failures(instance).stream().limit(4).map(r -> r.getValue().getRetryBackoff()))
        .as("backoff doubles from the configured first backoff")
        .containsExactly(200L, 400L, 800L, 1000L);
    assertThat(orders.findById(id)).get().extracting(Order::status).isEqualTo(OrderStatus.REJECTED);
  }

  @Test
  void incidentRetryRefusesAJobOfAnotherIncidentAndChangesNothing() {
    Fixtures fixtures = new Fixtures(new Api(port));
    long client = fixtures.client();
    long offer = fixtures.offer(fixtures.cashDesk(), "100.00", "RUB", null);
    String first = fixtures.submit(client, offer, null);
    String second = fixtures.submit(client, offer, null);
    long firstInstance = failSettling(first);
    long secondInstance = failSettling(second);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                incidentRecord(firstInstance).isPresent()
                    && incidentRecord(secondInstance).isPresent());
    Record<IncidentRecordValue> incident = incidentRecord(firstInstance).orElseThrow();
    long otherJob = incidentRecord(secondInstance).orElseThrow().getValue().getJobKey();

    Api.Response refused =
        new Api(port)
            .post(
                "/api/v1/incidents/" + incident.getKey() + "/retry",
                "{\"jobKey\":" + otherJob + "}");

    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("jobKey");
    assertThat(jobRecords(JobIntent.RETRIES_UPDATED, otherJob))
        .as("the other job got no retries")
        .isEmpty();
    assertThat(incidentResolved(incident.getKey())).isFalse();

    transaction.executeWithoutResult(
        t -> jdbc.update("update orders set status = 'OPEN' where id = ?", first));
    Api.Response retried =
        new Api(port)
            .post(
                "/api/v1/incidents/" + incident.getKey() + "/retry",
                "{\"jobKey\":" + incident.getValue().getJobKey() + "}");
    assertThat(retried.status()).as(retried.raw()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                incidentResolved(incident.getKey())
                    && orders.findById(first).map(Order::status).orElseThrow()
                        == OrderStatus.APPROVED);
  }

  /** Makes the order's decision fail every time it is settled, then sends the decision. */
  private long failSettling(String id) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> orders.findById(id).map(Order::processInstanceKey).isPresent());
    transaction.executeWithoutResult(
        t -> jdbc.update("update orders set status = 'REJECTED' where id = ?", id));
    SharedEngine.get()
        .client()
        .newPublishMessageCommand()
        .messageName(Messages.DECISION)
        .correlationKey(id)
        .messageId(UUID.randomUUID().toString())
        .variables(
            new ReviewDecision(id, "APPROVE", null, null, null, null, "m/" + id, "api", "manager"))
        .send()
        .join();
    return orders.findById(id).orElseThrow().processInstanceKey();
  }

  private static Optional<Record<IncidentRecordValue>> incidentRecord(long instance) {
    return StreamSupport.stream(records().incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .findFirst();
  }

  private static boolean incidentResolved(long incidentKey) {
    return StreamSupport.stream(records().incidentRecords().spliterator(), false)
        .anyMatch(r -> r.getIntent() == IncidentIntent.RESOLVED && r.getKey() == incidentKey);
  }

  private static List<Record<JobRecordValue>> jobRecords(JobIntent intent, long jobKey) {
    return StreamSupport.stream(records().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == intent && r.getKey() == jobKey)
        .toList();
  }

  private static Optional<IncidentRecordValue> incident(long instance) {
    return StreamSupport.stream(records().incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == instance)
        .findFirst();
  }

  private static List<Record<JobRecordValue>> failures(long instance) {
    return StreamSupport.stream(records().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .toList();
  }

  private static RecordStream records() {
    return EngineRecords.snapshot(SharedEngine.get());
  }
}
