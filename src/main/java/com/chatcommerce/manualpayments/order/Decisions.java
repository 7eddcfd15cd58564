package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the outcome of a review or a refund to an order: the only code that changes an order's
 * status, and it runs only inside the process's workers. Each method is idempotent: applying the
 * same outcome again returns the order as it is and writes nothing.
 */
@Service
public class Decisions {

  private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);

  private final OrderRepository orders;
  private final OrderHistoryRepository history;
  private final PaymentSystemRepository merchants;
  private final FeeCalculator fees;
  private final Clock clock;

  public Decisions(
      OrderRepository orders,
      OrderHistoryRepository history,
      PaymentSystemRepository merchants,
      FeeCalculator fees,
      Clock clock) {
    this.orders = orders;
    this.history = history;
    this.merchants = merchants;
    this.fees = fees;
    this.clock = clock;
  }

  @Transactional
  public Order decide(
      String orderId, Decision decision, Correction correction, Actor actor, RejectionReason reason) {
    Order order = orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    OrderStatus target = target(order, decision);
    if (order.status() != OrderStatus.OPEN) {
      return alreadyApplied(order, target);
    }
    PaymentSystem merchant = merchants.getReferenceById(order.paymentSystemId());
    CorrectedValues values = CorrectedValues.of(order, merchant, correction);
    Instant now = clock.instant();
    recordCorrections(order, values, actor, now);
    if (values.repricesOrder(order)) {
      order.reprice(fees.price(merchant, values.amount()), now);
    }
    order.correct(values.paymentDate(), values.comment(), now);
    RejectionReason rejection =
        decision == Decision.REJECT ? Objects.requireNonNullElse(reason, RejectionReason.MANAGER) : null;
    changeStatus(order, target, rejection, actor, values.comment(), now);
    return order;
  }

  @Transactional
  public Order refund(String orderId, Actor actor, String comment) {
    Order order = orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    if (!order.status().isRefundable()) {
      return alreadyApplied(order, OrderStatus.REFUNDED);
    }
    changeStatus(order, OrderStatus.REFUNDED, null, actor, Submissions.comment(comment), clock.instant());
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

  private void recordCorrections(Order order, CorrectedValues values, Actor actor, Instant now) {
    correction(order, "amount", order.amount().amountText(), values.amount().amountText(), actor, values, now);
    correction(order, "currency", order.amount().currency(), values.amount().currency(), actor, values, now);
    correction(
        order, "paymentDate", order.paymentDate().toString(), values.paymentDate().toString(), actor, values, now);
    correction(order, "comment", order.comment(), values.comment(), actor, values, now);
  }

  private void correction(
      Order order, String field, String before, String after, Actor actor, CorrectedValues values, Instant now) {
    if (!Objects.equals(before, after)) {
      history.save(
          new OrderHistoryEntry(
              order.id(), HistoryEvent.CORRECTED, field, before, after, actor, values.comment(), now));
    }
  }

  private void changeStatus(
      Order order, OrderStatus target, RejectionReason reason, Actor actor, String comment, Instant now) {
    history.save(
        new OrderHistoryEntry(
            order.id(), HistoryEvent.valueOf(target.name()), OrderHistoryEntry.STATUS_FIELD,
            order.status().name(), target.name(), actor, comment, now));
    LOG.info("order={} outcome={} from={} actor={} door={}", order.id(), target, order.status(), actor.name(),
        actor.door().value());
    order.moveTo(target, reason, now);
  }
}
