package com.chatcommerce.manualpayments.process;

/**
 * The one place for the names shared between the BPMN files, the forms, the workers and the tests.
 * A rename in {@code processes/} or {@code forms/} must be made here too; the process tests fail
 * otherwise.
 */
public final class ManualPaymentProcess {

  public static final String PROCESS_ID = "manual-payment";
  public static final String REFUND_PROCESS_ID = "manual-payment-refund";
  public static final String REVIEW_FORM_ID = "manual-payment-review";
  public static final String ADD_PAYMENT_FORM_ID = "manual-payment-add";

  /** The retries every service task declares in the BPMN ({@code zeebe:taskDefinition retries}). */
  public static final int JOB_RETRIES = 5;

  private ManualPaymentProcess() {}

  /** Element ids of both processes. */
  public static final class Elements {
    public static final String PAYMENT_SUBMITTED = "PaymentSubmitted";
    public static final String RECORD_OPEN_ORDER = "RecordOpenOrder";
    public static final String UPDATE_CRM_OPEN = "UpdateCrmOnOpen";
    public static final String POST_OPEN_INDICATOR = "PostOpenIndicator";
    public static final String REVIEW_PAYMENT = "ReviewPayment";
    public static final String REVIEW_TIMED_OUT = "ReviewTimedOut";
    public static final String DECISION_RECEIVED = "DecisionReceived";
    public static final String REVIEW_CLOSED = "ReviewClosed";
    public static final String SETTLE_DECISION = "SettleDecision";
    public static final String DECISION_GATEWAY = "DecisionGateway";
    public static final String APPROVE_ORDER = "ApproveOrder";
    public static final String REJECT_ORDER = "RejectOrder";
    public static final String SUBMISSION_INVALID = "SubmissionInvalid";
    public static final String SUBMISSION_DISCARDED = "SubmissionDiscarded";
    public static final String REVIEW_REMINDER_DUE = "ReviewReminderDue";
    public static final String POST_REVIEW_REMINDER = "PostReviewReminder";
    public static final String REMINDER_POSTED = "ReminderPosted";
    public static final String OUTCOME_JOIN = "OutcomeJoin";
    public static final String UPDATE_CRM_OUTCOME = "UpdateCrmOnOutcome";
    public static final String POST_OUTCOME_INDICATOR = "PostOutcomeIndicator";
    public static final String PAYMENT_DECIDED = "PaymentDecided";

    public static final String REFUND_REQUESTED = "RefundRequested";
    public static final String REFUND_ORDER = "RefundOrder";
    public static final String UPDATE_CRM_REFUND = "UpdateCrmOnRefund";
    public static final String POST_REFUND_INDICATOR = "PostRefundIndicator";
    public static final String PAYMENT_REFUNDED = "PaymentRefunded";

    private Elements() {}
  }

  /** Job types, namespaced by the feature that handles them. */
  public static final class JobTypes {
    public static final String ORDER_RECORD_OPEN = "order:record-open";

    /**
     * The review task's completing listener: claims the order for the Tasklist decision, or denies
     * it.
     */
    public static final String ORDER_CLAIM_REVIEW = "order:claim-review";

    public static final String ORDER_SETTLE_DECISION = "order:settle-decision";
    public static final String ORDER_APPROVE = "order:approve";
    public static final String ORDER_REJECT = "order:reject";
    public static final String ORDER_REFUND = "order:refund";
    public static final String CRM_UPDATE_ORDER = "crm:update-order";
    public static final String CHAT_POST_INDICATOR = "chat:post-indicator";
    public static final String CHAT_POST_REMINDER = "chat:post-reminder";

    private JobTypes() {}
  }

  /** Messages; the correlation key is always the order id. */
  public static final class Messages {
    public static final String DECISION = "manual-payment-decision";

    /** Starts manual-payment-refund. */
    public static final String REFUND_REQUESTED = "manual-payment-refund-requested";

    private Messages() {}
  }

  /**
   * The process-instance tag that finds an order's payment instance in Operate: {@code
   * order:<orderId>}.
   */
  public static String orderTag(String orderId) {
    return "order:" + orderId;
  }

  /** Process variables. Personal data (email, phone) is never one of them. */
  public static final class Variables {
    public static final String ORDER_ID = "orderId";

    /**
     * When the API opened the order; its process waits for the API's commit until this plus a
     * margin.
     */
    public static final String SUBMITTED_AT = "submittedAt";

    public static final String SOURCE = "source";
    public static final String CLIENT_ID = "clientId";
    public static final String OFFER_ID = "offerId";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String PAYMENT_DATE = "paymentDate";

    /** The client's comment (or the submitting manager's). */
    public static final String COMMENT = "comment";

    public static final String REVIEW_DEADLINE = "reviewDeadline";

    /** The deadline as the review form shows it to a manager. */
    public static final String REVIEW_DEADLINE_TEXT = "reviewDeadlineText";

    public static final String REVIEW_REMINDER_AT = "reviewReminderAt";

    /**
     * Shown on the review form; the client's name is what a manager looks for, email and phone are
     * not copied.
     */
    public static final String CLIENT_NAME = "clientName";

    public static final String OFFER_NAME = "offerName";
    public static final String STATUS = "status";

    /** The supported currencies as select options for the review form. */
    public static final String CURRENCY_OPTIONS = "currencyOptions";

    public static final String DECISION = "decision";
    public static final String CORRECTED_AMOUNT = "correctedAmount";
    public static final String CORRECTED_CURRENCY = "correctedCurrency";
    public static final String CORRECTED_PAYMENT_DATE = "correctedPaymentDate";
    public static final String MANAGER_COMMENT = "managerComment";

    /** The API decision's message id, which its claim carries. */
    public static final String DECISION_ID = "decisionId";

    /** Which channel closed the review: api, tasklist or timer. */
    public static final String DECISION_CHANNEL = "decisionChannel";

    public static final String DECIDED_BY = "decidedBy";

    /** Why a submission was discarded, for Operate. */
    public static final String DISCARD_REASON = "discardReason";

    /** On a refund's instance: the instance of the payment it refunds. */
    public static final String PAYMENT_PROCESS_INSTANCE_KEY = "paymentProcessInstanceKey";

    private Variables() {}
  }

  /** Error codes of the BPMN error events. */
  public static final class Errors {
    /**
     * Tasklist's start form named a client or offer that cannot be paid manually, or the API rolled
     * its order back.
     */
    public static final String INVALID_SUBMISSION = "INVALID_SUBMISSION";

    private Errors() {}
  }

  /** Custom headers the engine gives a user-task listener's job. */
  public static final class ListenerHeaders {
    public static final String ASSIGNEE = "io.camunda.zeebe:assignee";
    public static final String USER_TASK_KEY = "io.camunda.zeebe:userTaskKey";

    private ListenerHeaders() {}
  }
}
