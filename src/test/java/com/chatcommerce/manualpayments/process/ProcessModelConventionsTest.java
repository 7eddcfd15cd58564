package com.chatcommerce.manualpayments.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.order.Decision;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess.Variables;
import com.chatcommerce.manualpayments.support.DecisionRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What analysts in Operate and managers in Tasklist rely on, and what the Java code refers to. */
class ProcessModelConventionsTest {

  private static final List<String> MODELS =
      List.of("processes/manual-payment.bpmn", "processes/manual-payment-refund.bpmn");

  @Test
  void everyElementHasAHumanNameAndDocumentation() {
    for (String file : MODELS) {
      for (FlowNode node : model(file).getModelElementsByType(FlowNode.class)) {
        assertThat(node.getName()).as(file + " " + node.getId() + " name").isNotBlank();
        assertThat(node.getDocumentations())
            .as(file + " " + node.getId() + " documentation")
            .isNotEmpty();
      }
    }
  }

  @Test
  void everyFlowLeavingADecisionIsLabelledAndConditioned() {
    for (String file : MODELS) {
      for (ExclusiveGateway gateway : model(file).getModelElementsByType(ExclusiveGateway.class)) {
        if (gateway.getOutgoing().size() > 1) {
          for (SequenceFlow flow : gateway.getOutgoing()) {
            assertThat(flow.getName()).as(flow.getId()).isNotBlank();
            assertThat(flow.getConditionExpression()).as(flow.getId()).isNotNull();
          }
        }
      }
    }
  }

  @Test
  void everyElementIdAndJobTypeInJavaExistsInTheModelsAndEveryJobTypeHasAConstant()
      throws Exception {
    Set<String> ids = new java.util.HashSet<>();
    Set<String> modelledTypes = new java.util.HashSet<>();
    for (String file : MODELS) {
      BpmnModelInstance model = model(file);
      model.getModelElementsByType(FlowNode.class).forEach(n -> ids.add(n.getId()));
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        modelledTypes.add(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType());
      }
      model
          .getModelElementsByType(ZeebeTaskListener.class)
          .forEach(l -> modelledTypes.add(l.getType()));
    }
    assertThat(ids).containsAll(constants(ManualPaymentProcess.Elements.class));
    assertThat(constants(ManualPaymentProcess.JobTypes.class))
        .containsExactlyInAnyOrderElementsOf(modelledTypes);
  }

  @Test
  void theStartEventAndTheReviewLinkTheFormsThatExist() throws Exception {
    BpmnModelInstance model = model("processes/manual-payment.bpmn");
    String startForm = formId(model, ManualPaymentProcess.Elements.PAYMENT_SUBMITTED);
    String reviewForm = formId(model, ManualPaymentProcess.Elements.REVIEW_PAYMENT);

    assertThat(startForm).isEqualTo(ManualPaymentProcess.ADD_PAYMENT_FORM_ID);
    assertThat(reviewForm).isEqualTo(ManualPaymentProcess.REVIEW_FORM_ID);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(new File("forms/" + startForm + ".form")).get("id").asText())
        .isEqualTo(startForm);
    assertThat(json.readTree(new File("forms/" + reviewForm + ".form")).get("id").asText())
        .isEqualTo(reviewForm);
  }

  /**
   * The review form's decision, which Tasklist's listener claims, is the variable the gateway
   * routes on once the claim is settled: each value the form offers must have its flow, and each
   * flow a value the form and the code can give.
   */
  @Test
  void theReviewFormOffersExactlyTheDecisionsTheGatewayRoutes() throws Exception {
    JsonNode form =
        new ObjectMapper()
            .readTree(new File("forms/" + ManualPaymentProcess.REVIEW_FORM_ID + ".form"));
    List<String> offered = new ArrayList<>();
    form.findParents("key").stream()
        .filter(c -> c.path("key").asText().equals(Variables.DECISION))
        .forEach(c -> c.path("values").forEach(v -> offered.add(v.path("value").asText())));
    List<String> routed = DecisionRoutes.of(model("processes/manual-payment.bpmn"));

    assertThat(offered)
        .as("the review form's decision values")
        .containsExactlyInAnyOrderElementsOf(routed);
    assertThat(Arrays.stream(Decision.values()).map(Decision::name))
        .containsExactlyInAnyOrderElementsOf(routed);
  }

  @Test
  void bothFormLinksBindTheFormDeployedWithTheProcess() {
    BpmnModelInstance model = model("processes/manual-payment.bpmn");
    for (ZeebeFormDefinition link : model.getModelElementsByType(ZeebeFormDefinition.class)) {
      assertThat(link.getAttributeValue("bindingType"))
          .as(link.getAttributeValue("formId"))
          .isEqualTo("deployment");
    }
    assertThat(model.getModelElementsByType(ZeebeFormDefinition.class)).hasSize(2);
  }

  @Test
  void theDeadlineIsOneInstantForTheTimerTheDueDateAndTheReminder() {
    BpmnModelInstance model = model("processes/manual-payment.bpmn");
    UserTask review = model.getModelElementById(ManualPaymentProcess.Elements.REVIEW_PAYMENT);
    assertThat(review.getSingleExtensionElement(ZeebeTaskSchedule.class).getDueDate())
        .isEqualTo("=" + Variables.REVIEW_DEADLINE);
    assertThat(timeDate(model, ManualPaymentProcess.Elements.REVIEW_TIMED_OUT))
        .isEqualTo("=date and time(" + Variables.REVIEW_DEADLINE + ")");
    assertThat(timeDate(model, ManualPaymentProcess.Elements.REVIEW_REMINDER_DUE))
        .isEqualTo("=date and time(" + Variables.REVIEW_REMINDER_AT + ")");
  }

  @Test
  void theRefundProcessStartsOnlyOnTheApisMessage() {
    BpmnModelInstance model = model("processes/manual-payment-refund.bpmn");
    StartEvent start = model.getModelElementById(ManualPaymentProcess.Elements.REFUND_REQUESTED);
    assertThat(model.getModelElementsByType(StartEvent.class)).containsExactly(start);
    MessageEventDefinition message =
        (MessageEventDefinition) start.getEventDefinitions().iterator().next();
    assertThat(message.getMessage().getName())
        .isEqualTo(ManualPaymentProcess.Messages.REFUND_REQUESTED);
  }

  private static String timeDate(BpmnModelInstance model, String boundaryId) {
    BoundaryEvent timer = model.getModelElementById(boundaryId);
    return ((TimerEventDefinition) timer.getEventDefinitions().iterator().next())
        .getTimeDate()
        .getTextContent();
  }

  private static String formId(BpmnModelInstance model, String elementId) {
    return model
        .getModelElementById(elementId)
        .getUniqueChildElementByType(ExtensionElements.class)
        .getUniqueChildElementByType(ZeebeFormDefinition.class)
        .getAttributeValue("formId");
  }

  private static List<String> constants(Class<?> holder) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private static BpmnModelInstance model(String file) {
    return Bpmn.readModelFromFile(new File(file));
  }
}
