package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.money.Money;

/** What a payment costs the client, what the payment system keeps, and what reaches the account. */
public record Pricing(Money amount, Money fee, Money net) {}
