package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.order.OrderQueryService;
import com.chatcommerce.manualpayments.order.OrderStatus;
import com.chatcommerce.manualpayments.order.OrderStatusChange;
import com.chatcommerce.manualpayments.order.RejectionReason;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ChatIndicatorService {

  /** The kind of indicator a reminder is, beside the order statuses. */
  private static final String REMINDER = "REMINDER";

  /** Spec §5: only the platform's staff see an indicator, never the client. */
  public static final String AUDIENCE = "staff";

  static final String STATUS_CHANGED = "order.status_changed";
  static final String REVIEW_REMINDER = "order.review_reminder";

  private final ChatIndicatorRepository repository;
  private final OrderQueryService orders;
  private final ObjectMapper json;
  private final Clock clock;

  public ChatIndicatorService(
      ChatIndicatorRepository repository,
      OrderQueryService orders,
      ObjectMapper json,
      Clock clock) {
    this.repository = repository;
    this.orders = orders;
    this.json = json;
    this.clock = clock;
  }

  /** The body of the webhook that tells the platform about one indicator. */
  record PlatformEvent(
      String type,
      String orderId,
      OrderStatus status,
      String statusShownAs,
      OrderStatus previousStatus,
      long clientId,
      String offerName,
      Amount amount,
      Amount fee,
      Amount net,
      LocalDate paymentDate,
      String decidedBy,
      String channel,
      RejectionReason reason,
      Instant occurredAt,
      Instant reviewDeadline,
      String indicatorText,
      String audience) {}

  /** Money as the API writes it: the amount as a decimal string, which no JSON reader rounds. */
  record Amount(String amount, String currency) {
    static Amount of(Money money) {
      return new Amount(money.amountText(), money.currency());
    }
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
        STATUS_CHANGED,
        () -> orders.statusChange(orderId, status),
        ChatIndicatorService::text);
  }

  /** The reminder before a review's deadline; posted once per order, like a status. */
  @Transactional
  public ChatIndicator postReminder(String orderId, long clientId, Instant deadline) {
    return once(
        orderId,
        clientId,
        REMINDER,
        REVIEW_REMINDER,
        () -> orders.statusChange(orderId, OrderStatus.OPEN),
        open -> reminderText(open, deadline));
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
              orderId, clientId, kind, text, body(event(type, change, now, text)), now));
    }
    // Posted by a version that kept no events: the indicator stays as it was shown.
    posted.keepEvent(body(event(type, change, posted.createdAt(), posted.text())));
    return posted;
  }

  private static PlatformEvent event(
      String type, OrderStatusChange c, Instant posted, String text) {
    boolean reminder = REVIEW_REMINDER.equals(type);
    return new PlatformEvent(
        type,
        c.orderId(),
        c.status(),
        c.status().shownAs(),
        reminder ? null : c.previousStatus(),
        c.clientId(),
        c.offerName(),
        Amount.of(c.amount()),
        Amount.of(c.fee()),
        Amount.of(c.net()),
        c.paymentDate(),
        c.decidedBy(),
        c.channel(),
        c.reason(),
        reminder ? posted : c.occurredAt(),
        c.reviewDeadline(),
        text,
        AUDIENCE);
  }

  /**
   * The indicator as the chat shows it: the offer, the money, the status in Russian, who decided,
   * the payment date.
   */
  static String text(OrderStatusChange c) {
    StringBuilder text = new StringBuilder(summary(c));
    if (c.decidedBy() != null) {
      text.append(", decided by ")
          .append(c.reason() == RejectionReason.TIMEOUT ? "timeout" : c.decidedBy());
    }
    return text.append(", payment date ").append(c.paymentDate()).toString();
  }

  static String reminderText(OrderStatusChange c, Instant deadline) {
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

  private String body(PlatformEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write the platform event of order " + event.orderId(), e);
    }
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
