package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.offer.Offer;
import java.time.LocalDate;

/** A submission that passed validation, with its offer. */
record ValidSubmission(
    OrderSource source,
    Channel channel,
    long clientId,
    Offer offer,
    LocalDate paymentDate,
    String comment,
    String contactEmail,
    String contactPhone,
    String submittedBy,
    String payerName,
    String payerPlatformUserId) {}
