package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.MissingExchangeRateException;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Errors;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the approve and reject workers share: apply the outcome, or send the review back. */
@Component
class ReviewOutcomeApplier {

  private final Decisions decisions;
  private final OrderQueries orders;
  private final ReviewSchedule schedule;

  ReviewOutcomeApplier(Decisions decisions, OrderQueries orders, ReviewSchedule schedule) {
    this.decisions = decisions;
    this.orders = orders;
    this.schedule = schedule;
  }

  Map<String, Object> apply(ReviewOutcome outcome, Decision decision) {
    RejectionReason reason =
        outcome.rejectionReason() == null ? null : RejectionReason.valueOf(outcome.rejectionReason());
    Order order;
    try {
      order = decisions.decide(outcome.orderId(), decision, outcome.correction(), outcome.actor(), reason);
    } catch (InvalidInputException | MissingExchangeRateException e) {
      // Only Tasklist can send a correction that breaks a money rule (the API checks first): ask the
      // manager again, for the time that is left before the deadline.
      String why = e instanceof InvalidInputException invalid ? invalid.field() + ": " + e.getMessage() : e.getMessage();
      Order open = orders.get(outcome.orderId(), null);
      throw CamundaError.bpmnError(
          Errors.INVALID_CORRECTION,
          why,
          Map.of(
              Variables.REVIEW_ERROR, why,
              Variables.REVIEW_TIMEOUT, schedule.timeLeft(open).toString(),
              Variables.REVIEW_REMINDER_IN, schedule.reminderIn(open).toString()));
    }
    return Map.of(
        Variables.STATUS, order.status().name(),
        Variables.AMOUNT, order.amount().amountText(),
        Variables.CURRENCY, order.amount().currency(),
        Variables.REVIEW_ERROR, "");
  }
}
