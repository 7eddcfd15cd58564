package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the chat and the platform are told about one status an order reached: the order as it
 * stands, and who moved it there, through which channel, from which status and when, as its history
 * records it. {@code decidedBy} is null for OPEN, which nobody decided.
 */
public record OrderStatusChange(
    String orderId,
    OrderStatus status,
    OrderStatus previousStatus,
    long clientId,
    String offerName,
    Money amount,
    Money fee,
    Money net,
    LocalDate paymentDate,
    String decidedBy,
    String channel,
    RejectionReason reason,
    Instant occurredAt,
    Instant reviewDeadline) {}
