package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.process.PaymentProcessClient;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform API asks of an order. Each method writes to the database and sends its command
 * to the engine in one transaction: if the engine refuses, the database write is rolled back, so
 * there is never an order without a process, nor a claim without its decision message.
 */
@Service
public class OrderCommandService {

  private final SubmissionService submissions;
  private final OrderRepository orders;
  private final DecisionClaimService claims;
  private final PaymentProcessClient process;

  public OrderCommandService(
      SubmissionService submissions,
      OrderRepository orders,
      DecisionClaimService claims,
      PaymentProcessClient process) {
    this.submissions = submissions;
    this.orders = orders;
    this.claims = claims;
    this.process = process;
  }

  @Transactional
  public Order submit(Submission submission) {
    String orderId = UUID.randomUUID().toString();
    Order order = submissions.open(orderId, submission);
    orders.flush();
    order.attachProcess(
        process.startPayment(
            orderId, SubmittedPayment.byApi(orderId, order.submittedAt().toString())));
    return order;
  }

  /**
   * Claims the order for a manager's decision and forwards it; the order stays OPEN until the
   * process applies it. The message id is the caller's Idempotency-Key, scoped to the caller, so a
   * retry of the same request is recognised by the claim and by the broker alike.
   */
  @Transactional
  public Order decide(
      String orderId,
      Decision decision,
      Correction correction,
      String caller,
      String idempotencyKey) {
    String decisionId =
        idempotencyKey == null ? UUID.randomUUID().toString() : caller + "/" + idempotencyKey;
    claims.claimBeforeDeadline(
        orderId, decisionId, decision, correction, new Actor(caller, Channel.API));
    process.publishDecision(
        orderId,
        decisionId,
        ReviewDecision.fromApi(orderId, decision, correction, decisionId, caller));
    return lockedOrder(orderId);
  }

  @Transactional
  public Order refund(String orderId, String comment, String caller) {
    Order order = lockedOrder(orderId);
    String checkedComment = OrderFields.comment(comment);
    if (!order.status().isRefundable() || order.pendingAction() != null) {
      String pending =
          order.pendingAction() == null
              ? ""
              : " with a " + order.pendingAction() + " already in progress";
      throw new ConflictException(
          "order "
              + orderId
              + " is "
              + order.status()
              + pending
              + "; a refund needs an APPROVED or COMPLETED order with nothing in progress");
    }
    // Written before the engine is asked, so that a database that refuses the write leaves the
    // engine untouched.
    order.claimPendingAction("REFUND");
    orders.flush();
    process.requestRefund(
        orderId,
        new RefundRequested(
            orderId, order.clientId(), caller, checkedComment, order.processInstanceKey()));
    return order;
  }

  /**
   * The order, locked until this transaction ends: of two racing requests the second reads the
   * order only after the first committed its claim, and so is refused.
   */
  private Order lockedOrder(String orderId) {
    return orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
  }
}
