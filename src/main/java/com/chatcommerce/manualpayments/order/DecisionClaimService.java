package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims an order for a decision before the decision takes effect, so that exactly one decision
 * wins whichever channel it comes through. Every channel locks the order's row first, so two claims
 * never race: the second one reads the order only after the first committed, and is refused.
 *
 * <p>A claim is validated and priced here, once: a decision that breaks a money rule is refused at
 * its channel (400 at the API, a denied completion in Tasklist) and never reaches the process.
 */
@Service
public class DecisionClaimService {

  /** The id of the deadline's own claim: an order has one deadline. */
  static final String DEADLINE_DECISION_ID = "deadline";

  private final OrderRepository orders;
  private final OrderDecisionRepository claims;
  private final FeeCalculator fees;
  private final Clock clock;

  public DecisionClaimService(
      OrderRepository orders, OrderDecisionRepository claims, FeeCalculator fees, Clock clock) {
    this.orders = orders;
    this.claims = claims;
    this.fees = fees;
    this.clock = clock;
  }

  /**
   * A manager's decision through the API or Tasklist, taken before the order's review deadline.
   * Claiming again with the same {@code decisionId} returns the first claim.
   *
   * @throws ConflictException the order is decided, claimed by another decision, or past its
   *     deadline
   * @throws com.chatcommerce.manualpayments.error.InvalidInputException the correction breaks a
   *     money rule
   * @throws com.chatcommerce.manualpayments.money.MissingExchangeRateException the correction needs
   *     a rate we lack
   */
  @Transactional
  public OrderDecision claimBeforeDeadline(
      String orderId, String decisionId, Decision decision, Correction correction, Actor actor) {
    Order order = lockedOrder(orderId);
    Optional<OrderDecision> claimed = claims.findById(orderId);
    if (claimed.filter(claim -> claim.decisionId().equals(decisionId)).isPresent()) {
      return claimed.get();
    }
    requireUndecided(order, claimed);
    Instant now = clock.instant();
    if (!now.isBefore(order.reviewDeadline())) {
      throw new ConflictException(
          "order "
              + orderId
              + " passed its review deadline at "
              + order.reviewDeadline()
              + " and is being rejected; a decision is no longer possible");
    }
    return claim(order, decisionId, decision, correction, actor, null, now);
  }

  /**
   * The decision that holds once the engine closed the review, whichever way it closed: the order's
   * claim, if a channel claimed it (even a claim whose message or completion reached the engine
   * after the deadline, as it was taken in time); otherwise the decision the engine received,
   * claimed now. That happens for the deadline, which rejects, and for a decision message whose API
   * request was rolled back after the engine had taken it in: the engine's order of events rules,
   * so no deadline check.
   */
  @Transactional
  public OrderDecision settle(String orderId, Channel channel, ReceivedDecision received) {
    Order order = lockedOrder(orderId);
    Optional<OrderDecision> claimed = claims.findById(orderId);
    if (claimed.isPresent()) {
      return claimed.get();
    }
    requireUndecided(order, claimed);
    Instant now = clock.instant();
    return switch (channel) {
      case TIMER ->
          claim(
              order,
              DEADLINE_DECISION_ID,
              Decision.REJECT,
              Correction.NONE,
              new Actor("timer", Channel.TIMER),
              RejectionReason.TIMEOUT,
              now);
      case API ->
          claim(
              order,
              received.decisionId(),
              received.decision(),
              received.correction(),
              received.actor(),
              null,
              now);
      case TASKLIST ->
          throw new IllegalStateException(
              "order "
                  + orderId
                  + " was completed in Tasklist without the"
                  + " claim its completing listener makes; was the listener removed from the model?");
    };
  }

  /** A decision as the engine received it from a channel, for {@link #settle}. */
  public record ReceivedDecision(
      String decisionId, Decision decision, Correction correction, Actor actor) {}

  private OrderDecision claim(
      Order order,
      String decisionId,
      Decision decision,
      Correction correction,
      Actor actor,
      RejectionReason reason,
      Instant now) {
    OrderTerms terms = order.terms();
    CorrectedValues values = CorrectedValues.of(order, terms, correction);
    Pricing pricing =
        values.repricesOrder(order)
            ? fees.correction(terms, values.amount(), "amount.amount")
            : order.pricing();
    RejectionReason rejection =
        decision == Decision.REJECT && reason == null ? RejectionReason.MANAGER : reason;
    OrderDecision claim =
        claims.save(
            new OrderDecision(
                order.id(), decisionId, decision, actor, values, pricing, rejection, now));
    order.claimPendingAction(decision.name());
    orders.flush();
    return claim;
  }

  /** {@code claimed}: the order's claim, read once by the caller under the order's lock. */
  private void requireUndecided(Order order, Optional<OrderDecision> claimed) {
    if (order.status() != OrderStatus.OPEN) {
      throw new ConflictException(
          "order " + order.id() + " is " + order.status() + "; a decision needs an OPEN order");
    }
    claimed.ifPresent(
        claim -> {
          throw new ConflictException(
              "order " + order.id() + " already has a decision being applied: " + claim.describe());
        });
  }

  private Order lockedOrder(String orderId) {
    return orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
  }
}
