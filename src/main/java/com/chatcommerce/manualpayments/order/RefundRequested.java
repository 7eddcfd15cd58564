package com.chatcommerce.manualpayments.order;

/** The start variables of a refund instance, which the API's message carries. */
public record RefundRequested(
    String orderId,
    long clientId,
    String decidedBy,
    String comment,
    Long paymentProcessInstanceKey) {}
