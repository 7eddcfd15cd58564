package com.chatcommerce.manualpayments.order;

import java.time.LocalDate;

/** A submission that passed validation, with what the offer contributes. */
record OpenOrder(
    OrderSource source,
    long clientId,
    long offerId,
    long paymentSystemId,
    LocalDate paymentDate,
    String comment,
    String contactEmail,
    String contactPhone,
    String reviewTimeout,
    String submittedBy,
    String payerName,
    String payerPlatformUserId) {}
