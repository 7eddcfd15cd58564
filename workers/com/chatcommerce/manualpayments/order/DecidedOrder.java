package com.chatcommerce.manualpayments.order;

/**
 * What the CRM and chat steps after a decision read: the order's new status and amount. A refund
 * gives them its own, {@link RefundOrderWorker.RefundedOrder}.
 */
public record DecidedOrder(String status, String amount, String currency) {

  static DecidedOrder of(Order order) {
    return new DecidedOrder(
        order.status().name(), order.amount().amountText(), order.amount().currency());
  }
}
