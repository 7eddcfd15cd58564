package com.chatcommerce.manualpayments.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Elements;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decisions the review's gateway routes, read one way for the model test and the browser test
 * alike: each flow's whole condition must be {@code =decision = "X"}, so a condition that only
 * mentions a value somewhere is not taken for a route.
 */
public final class DecisionRoutes {

  private static final Pattern CONDITION =
      Pattern.compile("=\\s*" + Variables.DECISION + "\\s*=\\s*\"([A-Z_]+)\"\\s*");

  private DecisionRoutes() {}

  /** The value each flow leaving the decision gateway routes, one per flow. */
  public static List<String> of(BpmnModelInstance model) {
    ExclusiveGateway gateway = model.getModelElementById(Elements.DECISION_GATEWAY);
    List<String> routed = new ArrayList<>();
    for (SequenceFlow flow : gateway.getOutgoing()) {
      String condition = flow.getConditionExpression().getTextContent();
      Matcher matcher = CONDITION.matcher(condition);
      assertThat(matcher.matches()).as(flow.getId() + ": " + condition).isTrue();
      routed.add(matcher.group(1));
    }
    return routed;
  }
}
