package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ChatIndicators {

  /** The kind of indicator a reminder is, beside the order statuses. */
  public static final String REMINDER = "REMINDER";

  private final ChatIndicatorRepository repository;
  private final Clock clock;

  public ChatIndicators(ChatIndicatorRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Posts the indicator for one status of an order, once. A repeated call returns the indicator
   * already posted; the unique key (order, status) settles two calls that race.
   */
  @Transactional
  public ChatIndicator post(String orderId, long clientId, OrderStatus status, String amount, String currency) {
    return repository
        .findByOrderIdAndStatus(orderId, status.name())
        .orElseGet(
            () -> repository.saveAndFlush(
                new ChatIndicator(orderId, clientId, status.name(), text(orderId, status, amount, currency),
                    clock.instant())));
  }

  /** The reminder before a review's deadline; posted once per order, like a status. */
  @Transactional
  public ChatIndicator postReminder(String orderId, long clientId, Instant deadline) {
    return repository
        .findByOrderIdAndStatus(orderId, REMINDER)
        .orElseGet(
            () -> repository.saveAndFlush(
                new ChatIndicator(orderId, clientId, REMINDER,
                    "Order " + orderId + ": still waiting for a manager's decision; it is rejected automatically at "
                        + deadline,
                    clock.instant())));
  }

  private static String text(String orderId, OrderStatus status, String amount, String currency) {
    return "Order " + orderId + ": " + status.shownAs() + " (" + status.name() + "), " + amount + " " + currency;
  }

  /** Oldest first, as the chat shows them, a keyset page at a time. */
  @Transactional(readOnly = true)
  public Page<ChatIndicator> ofClient(long clientId, int limit, String cursor) {
    Cursors.requireLimit(limit);
    List<ChatIndicator> found = repository.findByClientIdAndIdGreaterThanOrderByIdAsc(
        clientId, Cursors.idAfter(cursor), Limit.of(limit + 1));
    return Page.of(found, limit, indicator -> Cursors.ofId(indicator.id()));
  }
}
