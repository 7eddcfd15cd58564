package com.chatcommerce.manualpayments.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderRepository;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Messages;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.process.test.filters.RecordStream;
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

/** A fault no retry can mend: the real worker retries with backoff, then Operate gets an incident. */
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
    String id = fixtures.submit(client, fixtures.offer(fixtures.cashDesk(), "100.00", "RUB", null), null);
    await().atMost(Duration.ofSeconds(10)).until(() -> orders.findById(id).map(Order::processInstanceKey).isPresent());
    long instance = orders.findById(id).orElseThrow().processInstanceKey();
    // The database and the process now disagree: settling a decision on a REJECTED order is refused every time.
    transaction.executeWithoutResult(t -> jdbc.update("update orders set status = 'REJECTED' where id = ?", id));

    SharedEngine.get().client().newPublishMessageCommand().messageName(Messages.DECISION).correlationKey(id)
        .messageId(UUID.randomUUID().toString())
        .variables(new ReviewDecision(id, "APPROVE", null, null, null, null, "m/" + id, "api", "manager"))
        .send().join();

    await().atMost(Duration.ofSeconds(30)).until(() -> incident(instance).isPresent());
    IncidentRecordValue incident = incident(instance).orElseThrow();
    assertThat(incident.getElementId()).isEqualTo(ManualPaymentProcess.Elements.SETTLE_DECISION);
    assertThat(incident.getErrorMessage()).contains("ConflictException", "is REJECTED");
    List<Integer> retriesLeft = failures(instance).stream().map(r -> r.getValue().getRetries()).toList();
    assertThat(retriesLeft).containsExactly(4, 3, 2, 1, 0);
    assertThat(failures(instance).stream().limit(4).map(r -> r.getValue().getRetryBackoff()))
        .as("backoff doubles from the configured first backoff")
        .containsExactly(200L, 400L, 800L, 1000L);
    assertThat(orders.findById(id)).get().extracting(Order::status).isEqualTo(OrderStatus.REJECTED);
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
    return RecordStream.of(SharedEngine.get().engine().getRecordStreamSource());
  }
}
