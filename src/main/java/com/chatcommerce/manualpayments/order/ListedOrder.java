package com.chatcommerce.manualpayments.order;

/** An order as a table lists it: with the names of its client, offer and payment system. */
public record ListedOrder(
    Order order, String clientName, String offerName, String paymentSystemName) {}
