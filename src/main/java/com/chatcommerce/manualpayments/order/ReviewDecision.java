package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.order.DecisionClaimService.ReceivedDecision;

/**
 * A manager's decision under the process variables that both channels use: the review form submits
 * them in Tasklist, and the API's decision message carries them. Blank fields keep the order's
 * values. {@code decisionId}, {@code decisionChannel} and {@code decidedBy} are the message's own;
 * in Tasklist the task's assignee decides.
 */
public record ReviewDecision(
    String orderId,
    String decision,
    String correctedAmount,
    String correctedCurrency,
    String correctedPaymentDate,
    String managerComment,
    String decisionId,
    String decisionChannel,
    String decidedBy) {

  /** What the API publishes for a decision it claimed. */
  static ReviewDecision fromApi(
      String orderId, Decision decision, Correction correction, String decisionId, String caller) {
    return new ReviewDecision(
        orderId,
        decision.name(),
        correction.amount(),
        correction.currency(),
        correction.paymentDate(),
        correction.comment(),
        decisionId,
        Channel.API.value(),
        caller);
  }

  Correction correction() {
    return new Correction(
        given(correctedAmount),
        given(correctedCurrency),
        given(correctedPaymentDate),
        given(managerComment));
  }

  /**
   * The decision, or an exception whose message the channel shows: the form requires one of the two
   * values.
   */
  Decision decisionValue() {
    if (decision == null) {
      throw new IllegalArgumentException("no decision: choose Approve or Reject");
    }
    return Decision.valueOf(decision);
  }

  ReceivedDecision received() {
    return new ReceivedDecision(
        decisionId,
        decisionValue(),
        correction(),
        new Actor(decidedBy, Channel.of(decisionChannel)));
  }

  private static String given(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
