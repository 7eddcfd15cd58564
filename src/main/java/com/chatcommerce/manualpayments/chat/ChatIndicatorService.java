package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.order.OrderQueryService;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.OrderStatusChange;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts an order's chat indicators, each once (spec §5), with the event that delivers it to the
 * platform, and lists a client's indicators.
 */
@Service
public class ChatIndicatorService {

  /** The kind of indicator a reminder is, beside the order statuses. */
  private static final String REMINDER = "REMINDER";

  /** Spec §5: only the platform's staff see an indicator, never the client. */
  public static final String AUDIENCE = "staff";

  private final ChatIndicatorRepository repository;
  private final OrderQueryService orders;
  private final Clock clock;

  public ChatIndicatorService(
      ChatIndicatorRepository repository, OrderQueryService orders, Clock clock) {
    this.repository = repository;
    this.orders = orders;
    this.clock = clock;
  }

  /**
   * Posts the indicator for one status of an order, once. A repeated call returns the indicator
   * already posted; the unique key (order, status) settles two calls that race.
   */
  @Transactional
  public ChatIndicator post(String orderId, long clientId, OrderStatus status) {
    return once(
        orderId,
        clientId,
        status.name(),
        PlatformEvent.STATUS_CHANGED,
        () -> orders.statusChange(orderId, status),
        IndicatorTexts::statusChanged);
  }

  /** The reminder before a review's deadline; posted once per order, like a status. */
  @Transactional
  public ChatIndicator postReminder(String orderId, long clientId, Instant deadline) {
    return once(
        orderId,
        clientId,
        REMINDER,
        PlatformEvent.REVIEW_REMINDER,
        () -> orders.statusChange(orderId, OrderStatus.OPEN),
        open -> IndicatorTexts.reminder(open, deadline));
  }

  private ChatIndicator once(
      String orderId,
      long clientId,
      String kind,
      String type,
      Supplier<OrderStatusChange> changes,
      Function<OrderStatusChange, String> texts) {
    ChatIndicator posted = repository.findByOrderIdAndStatus(orderId, kind).orElse(null);
    if (posted != null && posted.eventBody() != null) {
      return posted;
    }
    OrderStatusChange change = changes.get();
    if (posted == null) {
      Instant now = clock.instant();
      String text = texts.apply(change);
      return repository.saveAndFlush(
          new ChatIndicator(
              orderId,
              clientId,
              kind,
              text,
              PlatformEvent.of(type, change, now, text).json(),
              now));
    }
    // Posted by a version that kept no events: the indicator stays as it was shown.
    posted.keepEvent(PlatformEvent.of(type, change, posted.createdAt(), posted.text()).json());
    return posted;
  }

  /** Oldest first, as the chat shows them, a keyset page at a time. */
  @Transactional(readOnly = true)
  public Page<ChatIndicator> ofClient(long clientId, int limit, String cursor) {
    Cursors.requireLimit(limit);
    List<ChatIndicator> found =
        repository.findByClientIdAndIdGreaterThanOrderByIdAsc(
            clientId, Cursors.idAfter(cursor), Limit.of(limit + 1));
    return Page.of(found, limit, indicator -> Cursors.ofId(indicator.id()));
  }
}
