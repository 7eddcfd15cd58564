package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.money.Money;
import java.math.BigDecimal;

/** Money on the wire: the amount as a decimal string, so that no JSON number ever rounds it. */
public record MoneyJson(String amount, String currency) {

  static MoneyJson of(Money money) {
    return new MoneyJson(money.amountText(), money.currency());
  }

  static MoneyJson of(BigDecimal amount, String currency) {
    return amount == null ? null : new MoneyJson(amount.toPlainString(), currency);
  }
}
