package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.crm.ClientRepository;
import com.chatcommerce.manualpayments.crm.ContactRules;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.offer.OfferRepository;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens orders: validates a submission, prices it, and records it as OPEN with its first history row. */
@Service
public class Submissions {

  static final int COMMENT_LIMIT = 1000;

  private final OrderRepository orders;
  private final OrderHistoryRepository history;
  private final ClientRepository clients;
  private final OfferRepository offers;
  private final FeeCalculator fees;
  private final Clock clock;

  public Submissions(
      OrderRepository orders,
      OrderHistoryRepository history,
      ClientRepository clients,
      OfferRepository offers,
      FeeCalculator fees,
      Clock clock) {
    this.orders = orders;
    this.history = history;
    this.clients = clients;
    this.offers = offers;
    this.fees = fees;
    this.clock = clock;
  }

  /** Opens the order {@code orderId}, or returns it unchanged if it is already recorded. */
  @Transactional
  public Order open(String orderId, Submission submission) {
    Optional<Order> existing = orders.findForUpdate(orderId);
    if (existing.isPresent()) {
      return existing.get();
    }
    OpenOrder open = validate(submission);
    Offer offer = offers.getReferenceById(open.offerId());
    PaymentSystem merchant = offer.paymentSystem();
    Money amount = fees.transactionAmount(merchant, offer.price());
    Instant now = clock.instant();
    Order order = orders.save(new Order(orderId, open, fees.price(merchant, amount), now));
    Actor actor =
        new Actor(
            open.source() == OrderSource.CLIENT ? "client:" + open.clientId() : "manager", Door.API);
    history.save(
        new OrderHistoryEntry(
            orderId, HistoryEvent.SUBMITTED, OrderHistoryEntry.STATUS_FIELD, null,
            OrderStatus.OPEN.name(), actor, open.comment(), now));
    return order;
  }

  /**
   * Opens the order of a process started from Tasklist's start form, where no API wrote it, and
   * attaches the process to it.
   */
  @Transactional
  public Order openForProcess(String orderId, Submission submission, long processInstanceKey) {
    Order order = open(orderId, submission);
    order.attachProcess(processInstanceKey);
    return order;
  }

  /**
   * Attaches the process to the order the API wrote before it started the process. The locking
   * read waits for the API's transaction; if the order is then missing, the API rolled its
   * submission back (the engine answered it too late) and told the platform to try again, so this
   * process must not open a second order for the same payment.
   */
  @Transactional
  public Order attachProcess(String orderId, long processInstanceKey) {
    Order order = orders.findForUpdate(orderId).orElseThrow(() -> new InvalidInputException("orderId",
        "order " + orderId + " was rolled back by the API that started this process; the platform retries it"));
    order.attachProcess(processInstanceKey);
    return order;
  }

  private OpenOrder validate(Submission s) {
    OrderSource source = s.source() == null ? OrderSource.CLIENT : s.source();
    if (s.clientId() == null) {
      throw new InvalidInputException("clientId", "is required");
    }
    if (!clients.existsById(s.clientId())) {
      throw new InvalidInputException("clientId", "client " + s.clientId() + " does not exist");
    }
    if (s.offerId() == null) {
      throw new InvalidInputException("offerId", "is required");
    }
    Offer offer =
        offers
            .findById(s.offerId())
            .orElseThrow(() -> new InvalidInputException("offerId", "offer " + s.offerId() + " does not exist"));
    if (!offer.paymentSystem().isManual()) {
      throw new InvalidInputException(
          "offerId", "offer " + s.offerId() + " is not paid through a manual-payment merchant");
    }
    String email = ContactRules.email(s.email(), "email", s.contactRequired());
    String phone = ContactRules.phone(s.phone(), "phone", s.contactRequired());
    return new OpenOrder(
        source,
        s.clientId(),
        s.offerId(),
        offer.paymentSystem().id(),
        paymentDate(s.paymentDate(), LocalDate.now(clock)),
        comment(s.comment()),
        email,
        phone,
        offer.confirmationWindow(),
        s.submittedBy() == null ? "tasklist" : s.submittedBy());
  }

  static LocalDate paymentDate(String text, LocalDate whenMissing) {
    if (text == null || text.isBlank()) {
      return whenMissing;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.getYear() < 1000 || date.getYear() > 9999) {
        throw new InvalidInputException("paymentDate", "year must have four digits");
      }
      return date;
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("paymentDate", "must be a date as YYYY-MM-DD, got '" + text + "'");
    }
  }

  static String comment(String comment) {
    if (comment != null && comment.length() > COMMENT_LIMIT) {
      throw new InvalidInputException("comment", "is longer than " + COMMENT_LIMIT + " characters");
    }
    return comment == null || comment.isBlank() ? null : comment;
  }
}
