package com.chatcommerce.manualpayments.order;

/** What the review produced, through Tasklist's form, the decision message or the timer. */
public record ReviewOutcome(
    String orderId,
    String amount,
    String currency,
    String paymentDate,
    String comment,
    String decisionDoor,
    String decidedBy,
    String rejectionReason) {

  Correction correction() {
    return new Correction(amount, currency, paymentDate, comment);
  }

  Actor actor() {
    return new Actor(decidedBy, Door.of(decisionDoor));
  }
}
