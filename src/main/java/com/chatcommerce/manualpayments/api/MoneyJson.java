package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.money.Money;
import java.math.BigDecimal;

/** Money on the wire: the amount as a decimal string, so that no JSON number ever rounds it. */
public record MoneyJson(String amount, String currency) {

  static MoneyJson of(Money money) {
    return new MoneyJson(money.amountText(), money.currency());
  }

  /** From a stored column, whose scale is the column's: shown at the currency's scale instead. */
  static MoneyJson of(BigDecimal amount, String currency) {
    return amount == null ? null : of(new Money(amount, currency));
  }
}
