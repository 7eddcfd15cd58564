package com.chatcommerce.manualpayments.api.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes expired Idempotency-Keys, one bounded batch per transaction, so that the purge never
 * holds many locks or a long transaction however many keys expired at once. Every instance runs it;
 * two instances deleting the same rows do no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyKeyPurge {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

  private final IdempotencyStore store;

  IdempotencyKeyPurge(IdempotencyStore store) {
    this.store = store;
  }

  @Scheduled(fixedDelayString = "${manual-payments.idempotency.purge-interval}")
  void purgeExpiredKeys() {
    int total = 0;
    int deleted;
    do {
      deleted = store.purgeExpiredBatch();
      total += deleted;
    } while (deleted == store.purgeBatchSize());
    if (total > 0) {
      LOG.info("purged {} expired Idempotency-Keys", total);
    }
  }
}
