package com.chatcommerce.manualpayments.order;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The start variables of an order's payment instance. The API sets {@code orderId} and {@code
 * submittedAt} (its order holds the rest); Tasklist's start form sets the others and no {@code
 * orderId}. Absent values are not sent, so that an instance shows only what started it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmittedPayment(
    String orderId,
    String submittedAt,
    Long clientId,
    Long offerId,
    String paymentDate,
    String comment) {

  /** What the API starts an instance with: the order it opened and when. */
  public static SubmittedPayment byApi(String orderId, String submittedAt) {
    return new SubmittedPayment(orderId, submittedAt, null, null, null, null);
  }
}
