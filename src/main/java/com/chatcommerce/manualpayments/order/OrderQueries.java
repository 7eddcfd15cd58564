package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderQueries {

  public static final int MAX_LIMIT = 100;
  private static final int EXPORT_BATCH = 500;

  private final OrderRepository orders;
  private final OrderHistoryRepository history;

  public OrderQueries(OrderRepository orders, OrderHistoryRepository history) {
    this.orders = orders;
    this.history = history;
  }

  /** One order, as the caller may see it: a platform account sees only the orders it submitted. */
  @Transactional(readOnly = true)
  public Order get(String id, String onlySubmittedBy) {
    return orders.findById(id)
        .filter(o -> onlySubmittedBy == null || onlySubmittedBy.equals(o.submittedBy()))
        .orElseThrow(() -> new NotFoundException("order", id));
  }

  @Transactional(readOnly = true)
  public ReviewDetails reviewDetails(String orderId) {
    return orders.reviewDetails(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
  }

  /**
   * The order as it reached {@code status}, with the history row of that change. The status must
   * already be recorded: the chat steps run after the step that records it.
   */
  @Transactional(readOnly = true)
  public OrderStatusChange statusChange(String orderId, OrderStatus status) {
    Order order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    HistoryEvent event = status == OrderStatus.OPEN ? HistoryEvent.SUBMITTED : HistoryEvent.valueOf(status.name());
    OrderHistoryEntry change = history.findChange(orderId, event, OrderHistoryEntry.STATUS_FIELD).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("order " + orderId + " has not been " + status + " yet"));
    return new OrderStatusChange(
        orderId, status, change.fromValue() == null ? null : OrderStatus.valueOf(change.fromValue()),
        order.clientId(), orders.offerName(orderId).orElseThrow(), order.amount(), order.fee(), order.net(),
        order.paymentDate(), status == OrderStatus.OPEN ? null : change.actor(), change.door(),
        status == OrderStatus.REJECTED ? order.rejectionReason() : null, change.createdAt(), order.reviewDeadline());
  }

  @Transactional(readOnly = true)
  public List<OrderHistoryEntry> history(String orderId) {
    return history.findByOrderIdOrderByIdAsc(orderId);
  }

  /** Keyset pagination, newest first, so that a page costs the same however deep it is. */
  @Transactional(readOnly = true)
  public OrderPage list(OrderFilter filter, int limit, String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return page(filter, limit, cursor == null || cursor.isBlank() ? null : OrderCursor.decode(cursor));
  }

  /**
   * Hands every matching order to {@code batches}, newest first, a page at a time. Each page is its
   * own short read, so a long export holds no transaction open.
   */
  public void forEachBatch(OrderFilter filter, Consumer<List<Order>> batches) {
    OrderCursor after = null;
    do {
      OrderPage page = page(filter, EXPORT_BATCH, after);
      batches.accept(page.orders());
      after = page.nextCursor() == null ? null : OrderCursor.decode(page.nextCursor());
    } while (after != null);
  }

  private OrderPage page(OrderFilter filter, int limit, OrderCursor after) {
    Sort newestFirst = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"));
    List<Order> found =
        orders.findBy(matching(filter, after), q -> q.sortBy(newestFirst).limit(limit + 1).all());
    if (found.size() <= limit) {
      return new OrderPage(found, null);
    }
    List<Order> page = found.subList(0, limit);
    Order last = page.get(limit - 1);
    return new OrderPage(List.copyOf(page), new OrderCursor(last.submittedAt(), last.id()).encode());
  }

  private static Specification<Order> matching(OrderFilter filter, OrderCursor after) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      equal(where, cb, root.get("status"), filter.status());
      equal(where, cb, root.get("clientId"), filter.clientId());
      equal(where, cb, root.get("offerId"), filter.offerId());
      equal(where, cb, root.get("source"), filter.source());
      equal(where, cb, root.get("submittedBy"), filter.submittedBy());
      if (filter.submittedFrom() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("submittedAt"), filter.submittedFrom()));
      }
      if (filter.submittedTo() != null) {
        where.add(cb.lessThan(root.get("submittedAt"), filter.submittedTo()));
      }
      if (after != null) {
        where.add(
            cb.or(
                cb.lessThan(root.get("submittedAt"), after.submittedAt()),
                cb.and(
                    cb.equal(root.get("submittedAt"), after.submittedAt()),
                    cb.lessThan(root.get("id"), after.orderId()))));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static void equal(
      List<Predicate> where, jakarta.persistence.criteria.CriteriaBuilder cb,
      jakarta.persistence.criteria.Path<Object> path, Object value) {
    if (value != null) {
      where.add(cb.equal(path, value));
    }
  }
}
