package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.order.OrderStatusChange;
import com.chatcommerce.manualpayments.order.RejectionReason;
import java.time.Instant;

/** What the chat shows of an order: the offer, the money, the status in Russian, who decided. */
final class IndicatorTexts {

  private IndicatorTexts() {}

  /** An order's new status, with who decided it and the payment date. */
  static String statusChanged(OrderStatusChange c) {
    StringBuilder text = new StringBuilder(summary(c));
    if (c.decidedBy() != null) {
      text.append(", decided by ")
          .append(c.reason() == RejectionReason.TIMEOUT ? "timeout" : c.decidedBy());
    }
    return text.append(", payment date ").append(c.paymentDate()).toString();
  }

  /** An open order still waiting for a manager, with the moment it rejects itself. */
  static String reminder(OrderStatusChange c, Instant deadline) {
    return summary(c)
        + ", payment date "
        + c.paymentDate()
        + ": still waiting for a manager's decision; it is rejected automatically at "
        + deadline;
  }

  private static String summary(OrderStatusChange c) {
    return "Order "
        + c.orderId()
        + ": "
        + c.offerName()
        + ", "
        + c.amount().amountText()
        + " "
        + c.amount().currency()
        + " — "
        + c.status().shownAs()
        + " ("
        + c.status().name()
        + ")";
  }
}
