package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemRepository;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.process.PaymentProcessClient;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform API asks of an order. Each method writes to the database and sends its command
 * to the engine in one transaction: if the engine refuses, the database write is rolled back, so
 * there is never an order without a process.
 */
@Service
public class PaymentRequests {

  private final Submissions submissions;
  private final OrderRepository orders;
  private final PaymentSystemRepository merchants;
  private final PaymentProcessClient process;
  private final FeeCalculator fees;

  public PaymentRequests(
      Submissions submissions,
      OrderRepository orders,
      PaymentSystemRepository merchants,
      PaymentProcessClient process,
      FeeCalculator fees) {
    this.submissions = submissions;
    this.fees = fees;
    this.orders = orders;
    this.merchants = merchants;
    this.process = process;
  }

  @Transactional
  public Order submit(Submission submission) {
    String orderId = UUID.randomUUID().toString();
    Order order = submissions.open(orderId, submission);
    orders.flush();
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.ORDER_ID, orderId);
    variables.put(Variables.SOURCE, order.source().name());
    variables.put(Variables.CLIENT_ID, order.clientId());
    variables.put(Variables.OFFER_ID, order.offerId());
    variables.put(Variables.PAYMENT_DATE, order.paymentDate().toString());
    if (order.comment() != null) {
      variables.put(Variables.COMMENT, order.comment());
    }
    order.attachProcess(process.startPayment(variables));
    return order;
  }

  /** Forwards a manager's decision; the order stays OPEN until the process applies it. */
  @Transactional
  public Order decide(String orderId, Decision decision, Correction correction, String actor, String messageId) {
    Order order = lockedOrder(orderId);
    PaymentSystem merchant = merchants.getReferenceById(order.paymentSystemId());
    CorrectedValues values = CorrectedValues.of(order, merchant, correction);
    if (values.repricesOrder(order)) {
      fees.price(merchant, values.amount());
    }
    claim(order, decision.name(), EnumSet.of(OrderStatus.OPEN));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.DECISION, decision.name());
    variables.put(Variables.AMOUNT, values.amount().amountText());
    variables.put(Variables.CURRENCY, values.amount().currency());
    variables.put(Variables.PAYMENT_DATE, values.paymentDate().toString());
    if (values.comment() != null) {
      variables.put(Variables.COMMENT, values.comment());
    }
    variables.put(Variables.DECISION_DOOR, Door.API.value());
    variables.put(Variables.DECIDED_BY, actor);
    process.publishDecision(orderId, messageId == null ? UUID.randomUUID().toString() : messageId, variables);
    return order;
  }

  @Transactional
  public Order refund(String orderId, String comment, String actor) {
    Order order = lockedOrder(orderId);
    String checkedComment = Submissions.comment(comment);
    claim(order, "REFUND", EnumSet.of(OrderStatus.APPROVED, OrderStatus.COMPLETED));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.ORDER_ID, orderId);
    variables.put(Variables.CLIENT_ID, order.clientId());
    variables.put(Variables.DECIDED_BY, actor);
    if (checkedComment != null) {
      variables.put(Variables.COMMENT, checkedComment);
    }
    process.startRefund(variables);
    return order;
  }

  /**
   * The order, locked until this transaction ends: of two racing requests the second reads the
   * order only after the first committed its claim, and so is refused.
   */
  private Order lockedOrder(String orderId) {
    return orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
  }

  /**
   * Claims the order for {@code action} and writes the claim before the engine is asked, so that a
   * database that refuses the write leaves the engine untouched.
   */
  private void claim(Order order, String action, EnumSet<OrderStatus> allowed) {
    if (!allowed.contains(order.status()) || order.pendingAction() != null) {
      String pending =
          order.pendingAction() == null ? "" : " with a " + order.pendingAction() + " already in progress";
      throw new ConflictException(
          "order " + order.id() + " is " + order.status() + pending + "; " + action + " needs an order that is "
              + allowed + " with nothing in progress");
    }
    order.claimPendingAction(action);
    orders.flush();
  }
}
