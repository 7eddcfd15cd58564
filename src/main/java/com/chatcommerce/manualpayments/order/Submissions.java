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
   * The process's own record of the order: attaches the process to the order the API opened, or
   * opens it when the process was started without the API (Tasklist's start form).
   */
  @Transactional
  public Order recordOpen(String orderId, Submission submission, long processInstanceKey) {
    Order order = open(orderId, submission);
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
