package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.PaymentProcessClient;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the API's transaction that opened an order may still be open. The API writes the order,
 * starts its process and commits; the process's first job can run before that commit. Until the
 * engine's answer would have timed out, plus a margin for the commit itself, a missing order may
 * still appear; after it, it never will, because the API rolled it back.
 */
@Component
class SubmissionCommitWindow {

  private final PaymentProcessClient process;
  private final Duration margin;

  SubmissionCommitWindow(
      PaymentProcessClient process,
      @Value("${manual-payments.submission-commit-margin}") Duration margin) {
    this.process = process;
    this.margin = margin;
  }

  Instant closesAt(Instant submittedAt) {
    return submittedAt.plus(process.requestTimeout()).plus(margin);
  }
}
