package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderQueries {

  public static final int MAX_LIMIT = 100;

  private final OrderRepository orders;
  private final OrderHistoryRepository history;

  public OrderQueries(OrderRepository orders, OrderHistoryRepository history) {
    this.orders = orders;
    this.history = history;
  }

  @Transactional(readOnly = true)
  public Order get(String id) {
    return orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
  }

  @Transactional(readOnly = true)
  public List<OrderHistoryEntry> history(String orderId) {
    return history.findByOrderIdOrderByIdAsc(orderId);
  }

  /** Keyset pagination, newest first, so that a page costs the same however deep it is. */
  @Transactional(readOnly = true)
  public OrderPage list(OrderStatus status, Long clientId, int limit, String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    OrderCursor after = cursor == null || cursor.isBlank() ? null : OrderCursor.decode(cursor);
    Specification<Order> filter =
        (root, query, cb) -> {
          List<Predicate> where = new ArrayList<>();
          if (status != null) {
            where.add(cb.equal(root.get("status"), status));
          }
          if (clientId != null) {
            where.add(cb.equal(root.get("clientId"), clientId));
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
    Sort newestFirst = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"));
    List<Order> found = orders.findBy(filter, q -> q.sortBy(newestFirst).limit(limit + 1).all());
    if (found.size() <= limit) {
      return new OrderPage(found, null);
    }
    List<Order> page = found.subList(0, limit);
    Order last = page.get(limit - 1);
    return new OrderPage(List.copyOf(page), new OrderCursor(last.submittedAt(), last.id()).encode());
  }
}
