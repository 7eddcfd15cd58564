package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/**
 * Settles which decision holds once the review closed: the order's claim, or the deadline's
 * rejection.
 */
@Component
public class SettleDecisionWorker {

  private final DecisionClaimService claims;

  public SettleDecisionWorker(DecisionClaimService claims) {
    this.claims = claims;
  }

  /** The decision the gateway routes on, and who took it through which channel, for Operate. */
  public record SettledDecision(String decision, String decidedBy, String decisionChannel) {}

  @JobWorker(type = JobTypes.ORDER_SETTLE_DECISION)
  public SettledDecision settle(@VariablesAsType ReviewDecision closed) {
    Channel channel = Channel.of(closed.decisionChannel());
    OrderDecision held =
        claims.settle(closed.orderId(), channel, channel == Channel.API ? closed.received() : null);
    Actor actor = held.actor();
    return new SettledDecision(held.decision().name(), actor.name(), actor.channel().value());
  }
}
