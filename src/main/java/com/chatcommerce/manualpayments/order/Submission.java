package com.chatcommerce.manualpayments.order;

/**
 * A request to open an order, as the platform, a manager or Tasklist's start form sends it.
 * Strings are parsed by {@link Submissions} so that every error names its field.
 */
public record Submission(
    OrderSource source,
    Long clientId,
    Long offerId,
    String paymentDate,
    String comment,
    String email,
    String phone) {}
