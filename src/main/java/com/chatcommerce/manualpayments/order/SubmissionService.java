package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.process.RetryLaterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens orders: checks a submission ({@link SubmissionValidator}), prices it, and records it as
 * OPEN with its first history row.
 */
@Service
public class SubmissionService {

  /** How often a process looks again for an order the API has not committed yet. */
  private static final Duration WAIT_FOR_COMMIT = Duration.ofMillis(500);

  private final OrderRepository orders;
  private final OrderHistoryRepository history;
  private final SubmissionValidator validator;
  private final FeeCalculator fees;
  private final SubmissionCommitWindow commitWindow;
  private final Clock clock;

  public SubmissionService(
      OrderRepository orders,
      OrderHistoryRepository history,
      SubmissionValidator validator,
      FeeCalculator fees,
      SubmissionCommitWindow commitWindow,
      Clock clock) {
    this.orders = orders;
    this.history = history;
    this.validator = validator;
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
    ValidSubmission valid = validator.check(submission);
    Offer offer = valid.offer();
    FeeCalculator.Priced priced =
        fees.submission(OrderTerms.of(offer.paymentSystem()), offer.price(), "offerId");
    Instant now = clock.instant();
    Order order = orders.save(new Order(orderId, valid, priced, now));
    Actor actor =
        new Actor(
            valid.source() == OrderSource.CLIENT ? "client:" + valid.clientId() : "manager",
            valid.channel());
    history.save(
        new OrderHistoryEntry(
            orderId,
            HistoryEvent.SUBMITTED,
            OrderHistoryEntry.STATUS_FIELD,
            null,
            OrderStatus.OPEN.name(),
            actor,
            valid.comment(),
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
      Duration remaining = Duration.between(clock.instant(), windowCloses);
      if (remaining.isPositive()) {
        throw new RetryLaterException(
            "order "
                + orderId
                + " is not committed yet; waiting for the API's transaction"
                + " until "
                + windowCloses,
            remaining.compareTo(WAIT_FOR_COMMIT) < 0 ? remaining : WAIT_FOR_COMMIT);
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
}
