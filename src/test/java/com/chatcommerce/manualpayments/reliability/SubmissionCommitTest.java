package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatcommerce.manualpayments.order.OrderCommandService;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements;
import com.chatcommerce.manualpayments.support.Catalog;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.chatcommerce.manualpayments.support.SharedEngine;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API's transaction commits a new order only after the engine started its process, and a slow
 * commit leaves the process's first job running before it. On MariaDB that job's locking read waits
 * for the commit; the order still ends its flow. (The same on H2: {@link EmbeddedRunOnH2Test}.)
 */
@IntegrationTest
class SubmissionCommitTest {

  @Autowired OrderCommandService commands;
  @Autowired TransactionTemplate transaction;
  @Autowired Catalog catalog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void submissionWhoseCommitTheApiHoldsBackStillReachesTheReview() {
    Catalog.Setup setup = catalog.cashDeskOffer();

    String id =
        transaction.execute(
            t -> {
              String opened = commands.submit(setup.clientSubmission("platform")).id();
              sleep(Duration.ofSeconds(2));
              return opened;
            });

    long instance =
        jdbc.queryForObject("select process_instance_key from orders where id = ?", Long.class, id);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        EngineRecords.<ProcessInstanceRecordValue>of(
                                SharedEngine.get(), ValueType.PROCESS_INSTANCE)
                            .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                            .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                            .map(r -> r.getValue().getElementId()))
                    .contains(Elements.REVIEW_PAYMENT)
                    .doesNotContain(Elements.SUBMISSION_DISCARDED));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from chat_indicators where order_id = ?", Integer.class, id))
        .isEqualTo(1);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
