package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An order's values after a manager's correction, validated against the terms the order was
 * submitted under. The errors name the API's fields; Tasklist's listener shows their reasons to the
 * manager.
 */
record CorrectedValues(Money amount, LocalDate paymentDate, String managerComment) {

  static CorrectedValues of(Order order, OrderTerms terms, Correction correction) {
    Money current = order.amount();
    String currency = correction.currency() == null ? current.currency() : correction.currency();
    if (correction.amount() == null && !currency.equals(current.currency())) {
      // Relabelling 1500.00 RUB as 1500.00 USD would book a different sum of money.
      throw new InvalidInputException(
          "amount.amount",
          "is required when the currency changes: give the amount paid in " + currency);
    }
    Money amount =
        correction.amount() == null
            ? current
            : Money.parsePositive(correction.amount(), currency, "amount");
    if (!amount.currency().equals(current.currency()) && !terms.supports(amount.currency())) {
      throw new InvalidInputException(
          "amount.currency",
          "the payment system does not support "
              + amount.currency()
              + "; it supports "
              + String.join(", ", terms.supportedCurrencies()));
    }
    LocalDate date = OrderFields.paymentDate(correction.paymentDate(), order.paymentDate());
    return new CorrectedValues(amount, date, OrderFields.comment(correction.comment()));
  }

  boolean repricesOrder(Order order) {
    return !Objects.equals(amount, order.amount());
  }
}
