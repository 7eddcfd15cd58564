package com.chatcommerce.manualpayments.order;

import java.util.List;

/**
 * What the review form shows beside the order: names a manager recognises, and the currencies the
 * payment system takes.
 */
public record ReviewDetails(
    String clientName, String offerName, List<String> supportedCurrencies) {}
