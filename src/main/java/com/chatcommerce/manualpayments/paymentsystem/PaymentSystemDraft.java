package com.chatcommerce.manualpayments.paymentsystem;

import java.util.List;

/** What a manager enters for a payment system (spec §1), before validation. */
public record PaymentSystemDraft(
    PaymentSystemKind kind,
    String name,
    String description,
    String commissionPercent,
    String fixedFeeAmount,
    String fixedFeeCurrency,
    String accountCurrency,
    String transactionCurrency,
    List<String> supportedCurrencies,
    String commentHint,
    String imageUrl) {}
