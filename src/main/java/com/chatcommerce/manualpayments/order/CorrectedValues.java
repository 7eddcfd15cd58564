package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import java.time.LocalDate;
import java.util.Objects;

/** An order's values after a correction is applied to them; validated against the order's merchant. */
record CorrectedValues(Money amount, LocalDate paymentDate, String comment) {

  static CorrectedValues of(Order order, PaymentSystem merchant, Correction correction) {
    String currency = correction.currency() == null ? order.amount().currency() : correction.currency();
    String amountText =
        correction.amount() == null ? order.amount().amount().toPlainString() : correction.amount();
    Money amount = Money.parsePositive(amountText, currency, "amount");
    if (!Objects.equals(currency, order.amount().currency()) && !merchant.supports(currency)) {
      throw new InvalidInputException(
          "amount.currency", "the payment system does not support " + currency
              + "; it supports " + String.join(", ", merchant.supportedCurrencies()));
    }
    LocalDate date = Submissions.paymentDate(correction.paymentDate(), order.paymentDate());
    String comment =
        correction.comment() == null ? order.comment() : Submissions.comment(correction.comment());
    return new CorrectedValues(amount, date, comment);
  }

  boolean repricesOrder(Order order) {
    return !amount.equals(order.amount());
  }
}
