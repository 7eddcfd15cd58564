package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderQueryService {

  private static final int EXPORT_BATCH = 500;

  private final OrderRepository orders;
  private final OrderHistoryRepository history;
  private final EntityManager entities;

  public OrderQueryService(
      OrderRepository orders, OrderHistoryRepository history, EntityManager entities) {
    this.orders = orders;
    this.history = history;
    this.entities = entities;
  }

  /** One order, as the caller may see it: a platform account sees only the orders it submitted. */
  @Transactional(readOnly = true)
  public Order get(String id, String onlySubmittedBy) {
    return orders
        .findById(id)
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
    OrderRepository.NamedOrder named =
        orders
            .findWithOfferName(orderId)
            .orElseThrow(() -> new NotFoundException("order", orderId));
    Order order = named.order();
    HistoryEvent event =
        status == OrderStatus.OPEN ? HistoryEvent.SUBMITTED : HistoryEvent.valueOf(status.name());
    OrderHistoryEntry change =
        history.findChange(orderId, event, OrderHistoryEntry.STATUS_FIELD).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "order " + orderId + " has not been " + status + " yet"));
    return new OrderStatusChange(
        orderId,
        status,
        change.fromValue() == null ? null : OrderStatus.valueOf(change.fromValue()),
        order.clientId(),
        named.offerName(),
        order.amount(),
        order.fee(),
        order.net(),
        order.paymentDate(),
        status == OrderStatus.OPEN ? null : change.actor(),
        change.channel(),
        status == OrderStatus.REJECTED ? order.rejectionReason() : null,
        change.createdAt(),
        order.reviewDeadline());
  }

  /** One order as {@link #get} finds it, with its history, in one read-only transaction. */
  @Transactional(readOnly = true)
  public OrderWithHistory withHistory(String id, String onlySubmittedBy) {
    return new OrderWithHistory(get(id, onlySubmittedBy), history.findByOrderIdOrderByIdAsc(id));
  }

  public record OrderWithHistory(Order order, List<OrderHistoryEntry> history) {}

  /**
   * Keyset pagination, so that a page costs the same however deep it is: newest first, or for the
   * review queue soonest deadline first.
   */
  @Transactional(readOnly = true)
  public Page<ListedOrder> list(OrderFilter filter, OrderSort sort, int limit, String cursor) {
    Cursors.requireLimit(limit);
    return page(
        filter,
        sort,
        limit,
        cursor == null || cursor.isBlank() ? null : OrderCursor.decode(cursor, sort));
  }

  /**
   * Hands every matching order to {@code batches}, newest first, a page at a time. Each page is its
   * own short read, so a long export holds no transaction open.
   */
  public void forEachBatch(OrderFilter filter, Consumer<List<Order>> batches) {
    OrderCursor after = null;
    do {
      Page<ListedOrder> page = page(filter, OrderSort.SUBMITTED_AT, EXPORT_BATCH, after);
      List<Order> batch = page.items().stream().map(ListedOrder::order).toList();
      batches.accept(batch);
      after =
          page.nextCursor() == null
              ? null
              : OrderCursor.after(OrderSort.SUBMITTED_AT, batch.getLast());
    } while (after != null);
  }

  /**
   * One statement a page, names included. The names come by outer joins, which the database must
   * read after the orders: so it walks the orders' index in the page's order and stops at the
   * page's end, rather than starting from the small offers table and sorting every order. Every
   * order has its client, offer and payment system, so no row is lost or added by the joins.
   */
  private Page<ListedOrder> page(OrderFilter filter, OrderSort sort, int limit, OrderCursor after) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    equal(where, parameters, "status", filter.status());
    equal(where, parameters, "clientId", filter.clientId());
    equal(where, parameters, "offerId", filter.offerId());
    equal(where, parameters, "source", filter.source());
    equal(where, parameters, "submittedBy", filter.submittedBy());
    bound(
        where,
        parameters,
        "o.submittedAt >= :submittedFrom",
        "submittedFrom",
        filter.submittedFrom());
    bound(where, parameters, "o.submittedAt < :submittedTo", "submittedTo", filter.submittedTo());
    bound(
        where,
        parameters,
        "o.reviewDeadline < :deadlineBefore",
        "deadlineBefore",
        filter.deadlineBefore());
    boolean newest = sort == OrderSort.SUBMITTED_AT;
    String key = newest ? "o.submittedAt" : "o.reviewDeadline";
    if (after != null) {
      String beyond = newest ? "<" : ">";
      where.add(
          "("
              + key
              + " "
              + beyond
              + " :afterAt or ("
              + key
              + " = :afterAt and o.id "
              + beyond
              + " :afterId))");
      parameters.put("afterAt", after.at());
      parameters.put("afterId", after.orderId());
    }
    String direction = newest ? " desc" : " asc";
    String jpql =
        "select o, c.name, f.name, ps.name from Order o"
            + " left join Client c on c.id = o.clientId"
            + " left join Offer f on f.id = o.offerId"
            + " left join PaymentSystem ps on ps.id = o.paymentSystemId"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by "
            + key
            + direction
            + ", o.id"
            + direction;
    TypedQuery<Object[]> query =
        entities.createQuery(jpql, Object[].class).setMaxResults(limit + 1);
    parameters.forEach(query::setParameter);
    List<ListedOrder> found =
        query.getResultList().stream()
            .map(
                row ->
                    new ListedOrder(
                        (Order) row[0], (String) row[1], (String) row[2], (String) row[3]))
            .toList();
    return Page.of(found, limit, last -> OrderCursor.after(sort, last.order()).encode());
  }

  private static void equal(
      List<String> where, Map<String, Object> parameters, String field, Object value) {
    bound(where, parameters, "o." + field + " = :" + field, field, value);
  }

  private static void bound(
      List<String> where,
      Map<String, Object> parameters,
      String condition,
      String name,
      Object value) {
    if (value != null) {
      where.add(condition);
      parameters.put(name, value);
    }
  }
}
