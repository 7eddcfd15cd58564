package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.crm.Client;
import com.chatcommerce.manualpayments.crm.ClientRepository;
import com.chatcommerce.manualpayments.crm.ContactRules;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.offer.OfferRepository;
import com.chatcommerce.manualpayments.process.RetryLaterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens orders: validates a submission, prices it, and records it as OPEN with its first history
 * row.
 */
@Service
public class SubmissionService {

  static final int COMMENT_LIMIT = 1000;

  /** How often a process looks again for an order the API has not committed yet. */
  private static final Duration WAIT_FOR_COMMIT = Duration.ofMillis(500);

  private final OrderRepository orders;
  private final OrderHistoryRepository history;
  private final ClientRepository clients;
  private final OfferRepository offers;
  private final FeeCalculator fees;
  private final SubmissionCommitWindow commitWindow;
  private final Clock clock;

  public SubmissionService(
      OrderRepository orders,
      OrderHistoryRepository history,
      ClientRepository clients,
      OfferRepository offers,
      FeeCalculator fees,
      SubmissionCommitWindow commitWindow,
      Clock clock) {
    this.orders = orders;
    this.history = history;
    this.clients = clients;
    this.offers = offers;
    this.fees = fees;
    this.commitWindow = commitWindow;
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
    FeeCalculator.Priced priced =
        fees.submission(OrderTerms.of(offer.paymentSystem()), offer.price(), "offerId");
    Instant now = clock.instant();
    Order order = orders.save(new Order(orderId, open, priced, now));
    Actor actor =
        new Actor(
            open.source() == OrderSource.CLIENT ? "client:" + open.clientId() : "manager",
            Channel.API);
    history.save(
        new OrderHistoryEntry(
            orderId,
            HistoryEvent.SUBMITTED,
            OrderHistoryEntry.STATUS_FIELD,
            null,
            OrderStatus.OPEN.name(),
            actor,
            open.comment(),
            now));
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
   * Attaches the process to the order the API wrote before it started the process. The API may not
   * have committed yet: a locking read waits for that commit on InnoDB, but H2 (the embedded run)
   * and READ COMMITTED reads elsewhere just miss the row. So a missing order is waited for until
   * the API's transaction must have ended; missing after that, the API rolled the submission back
   * (the engine answered too late) and told the platform to try again, and this process must not
   * open a second order for the same payment.
   *
   * @throws RetryLaterException the API's transaction may still commit the order
   * @throws InvalidInputException the order was rolled back
   */
  @Transactional
  public Order attachProcess(String orderId, Instant submittedAt, long processInstanceKey) {
    Optional<Order> order = orders.findForUpdate(orderId);
    if (order.isEmpty()) {
      Instant windowCloses = submittedAt == null ? Instant.MIN : commitWindow.closesAt(submittedAt);
      Duration open = Duration.between(clock.instant(), windowCloses);
      if (open.isPositive()) {
        throw new RetryLaterException(
            "order "
                + orderId
                + " is not committed yet; waiting for the API's transaction"
                + " until "
                + windowCloses,
            open.compareTo(WAIT_FOR_COMMIT) < 0 ? open : WAIT_FOR_COMMIT);
      }
      throw new InvalidInputException(
          "orderId",
          "order "
              + orderId
              + " was rolled back by the API that started this process; the platform retries it");
    }
    order.get().attachProcess(processInstanceKey);
    return order.get();
  }

  private OpenOrder validate(Submission s) {
    OrderSource source = s.source() == null ? OrderSource.CLIENT : s.source();
    long clientId = s.payer() == null ? crmClient(s) : manualAccount(s);
    if (s.offerId() == null) {
      throw new InvalidInputException("offerId", "is required");
    }
    Offer offer =
        offers
            .findById(s.offerId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "offerId", "offer " + s.offerId() + " does not exist"));
    if (!offer.paymentSystem().isManual()) {
      throw new InvalidInputException(
          "offerId", "offer " + s.offerId() + " is not paid through a manual-payment merchant");
    }
    Payer payer = s.payer() == null ? null : payer(s.payer());
    String email =
        payer == null ? ContactRules.email(s.email(), "email", s.contactRequired()) : payer.email();
    String phone =
        payer == null ? ContactRules.phone(s.phone(), "phone", s.contactRequired()) : payer.phone();
    return new OpenOrder(
        source,
        clientId,
        s.offerId(),
        offer.paymentSystem().id(),
        paymentDate(s.paymentDate(), LocalDate.now(clock)),
        comment(s.comment()),
        email,
        phone,
        offer.confirmationWindow(),
        s.submittedBy() == null ? "tasklist" : s.submittedBy(),
        payer == null ? null : payer.name(),
        payer == null ? null : payer.platformUserId());
  }

  private long crmClient(Submission s) {
    if (s.clientId() == null) {
      throw new InvalidInputException(
          "clientId", s.contactRequired() ? "is required, or the payer" : "is required");
    }
    Client client =
        clients
            .findById(s.clientId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "clientId", "client " + s.clientId() + " does not exist"));
    if (client.isManualAccount()) {
      // Its orders must say who paid: without a payer nobody could tell them apart.
      throw new InvalidInputException(
          "clientId", "is the manual account, which takes a payment only with its payer");
    }
    return client.id();
  }

  private long manualAccount(Submission s) {
    if (s.clientId() != null) {
      throw new InvalidInputException(
          "payer", "comes instead of clientId: a payer's payment is kept on the manual account");
    }
    if (s.email() != null || s.phone() != null) {
      throw new InvalidInputException(
          s.email() != null ? "email" : "phone",
          "belongs in the payer: give payer.email and payer.phone");
    }
    return clients.manualAccount().id();
  }

  private static Payer payer(Payer given) {
    String name = given.name();
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("payer.name", "is required");
    }
    if (name.length() > 200) {
      throw new InvalidInputException("payer.name", "is longer than 200 characters");
    }
    String userId = given.platformUserId();
    if (userId != null && (userId.isEmpty() || userId.length() > 100)) {
      throw new InvalidInputException(
          "payer.platformUserId", "must be 1 to 100 characters when given");
    }
    return new Payer(
        name,
        ContactRules.email(given.email(), "payer.email", false),
        ContactRules.phone(given.phone(), "payer.phone", false),
        userId);
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
      throw new InvalidInputException(
          "paymentDate",
          "must be a date as YYYY-MM-DD, got '" + InvalidInputException.excerpt(text) + "'");
    }
  }

  static String comment(String comment) {
    if (comment != null && comment.length() > COMMENT_LIMIT) {
      throw new InvalidInputException("comment", "is longer than " + COMMENT_LIMIT + " characters");
    }
    return comment == null || comment.isBlank() ? null : comment;
  }
}
