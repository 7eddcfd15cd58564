package com.chatcommerce.manualpayments.offer;

/** What a manager enters for an offer, before validation. */
public record OfferDraft(
    String name,
    String priceAmount,
    String priceCurrency,
    Long paymentSystemId,
    String confirmationWindow) {}
