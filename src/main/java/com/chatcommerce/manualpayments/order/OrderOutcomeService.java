package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an order's claimed decision, or a refund: the only code that changes an order's status,
 * and it runs only inside the process's workers. Each method is idempotent: applying the same
 * outcome again returns the order as it is and writes nothing.
 */
@Service
public class OrderOutcomeService {

  private static final Logger LOG = LoggerFactory.getLogger(OrderOutcomeService.class);

  private final OrderRepository orders;
  private final OrderDecisionRepository claims;
  private final OrderHistoryRepository history;
  private final Clock clock;

  public OrderOutcomeService(
      OrderRepository orders,
      OrderDecisionRepository claims,
      OrderHistoryRepository history,
      Clock clock) {
    this.orders = orders;
    this.claims = claims;
    this.history = history;
    this.clock = clock;
  }

  /** Applies the decision the order was claimed for, which must be {@code decision}. */
  @Transactional
  public Order apply(String orderId, Decision decision) {
    Order order =
        orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    OrderDecision claim =
        claims
            .findById(orderId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "order "
                            + orderId
                            + " has no claimed decision to apply; the process and the database disagree"));
    if (claim.decision() != decision) {
      throw new IllegalStateException(
          "order " + orderId + " was claimed for " + claim.describe() + ", not for " + decision);
    }
    OrderStatus target = target(order, decision);
    if (order.status() != OrderStatus.OPEN) {
      return alreadyApplied(order, target);
    }
    Instant now = clock.instant();
    Actor actor = claim.actor();
    Pricing pricing = claim.pricing();
    String comment = claim.managerComment();
    correction(
        order,
        "amount",
        order.amount().amountText(),
        pricing.amount().amountText(),
        actor,
        comment,
        now);
    correction(
        order,
        "currency",
        order.amount().currency(),
        pricing.amount().currency(),
        actor,
        comment,
        now);
    correction(
        order,
        "paymentDate",
        order.paymentDate().toString(),
        claim.paymentDate().toString(),
        actor,
        comment,
        now);
    order.reprice(pricing, now);
    order.correct(claim.paymentDate(), comment, now);
    changeStatus(order, target, claim.rejectionReason(), actor, comment, now);
    return order;
  }

  @Transactional
  public Order refund(String orderId, Actor actor, String comment) {
    Order order =
        orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    if (!order.status().isRefundable()) {
      return alreadyApplied(order, OrderStatus.REFUNDED);
    }
    changeStatus(
        order, OrderStatus.REFUNDED, null, actor, OrderFields.comment(comment), clock.instant());
    return order;
  }

  private static OrderStatus target(Order order, Decision decision) {
    if (decision == Decision.REJECT) {
      return OrderStatus.REJECTED;
    }
    return order.source() == OrderSource.MANAGER ? OrderStatus.COMPLETED : OrderStatus.APPROVED;
  }

  /**
   * A second delivery of the same job finds the outcome already there. Any other status means the
   * database and the process disagree, which no retry can mend: it must become an incident.
   */
  private static Order alreadyApplied(Order order, OrderStatus target) {
    if (order.status() == target) {
      return order;
    }
    throw new IllegalStateException(
        "order " + order.id() + " is " + order.status() + " and cannot become " + target);
  }

  private void correction(
      Order order,
      String field,
      String before,
      String after,
      Actor actor,
      String comment,
      Instant now) {
    if (!Objects.equals(before, after)) {
      history.save(
          new OrderHistoryEntry(
              order.id(), HistoryEvent.CORRECTED, field, before, after, actor, comment, now));
    }
  }

  private void changeStatus(
      Order order,
      OrderStatus target,
      RejectionReason reason,
      Actor actor,
      String comment,
      Instant now) {
    history.save(
        new OrderHistoryEntry(
            order.id(),
            HistoryEvent.valueOf(target.name()),
            OrderHistoryEntry.STATUS_FIELD,
            order.status().name(),
            target.name(),
            actor,
            comment,
            now));
    LOG.info(
        "order={} outcome={} from={} actor={} channel={}",
        order.id(),
        target,
        order.status(),
        actor.name(),
        actor.channel().value());
    order.moveTo(target, reason, now);
  }
}
