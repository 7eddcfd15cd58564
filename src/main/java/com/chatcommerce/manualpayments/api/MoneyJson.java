package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Money on the wire: the amount as a decimal string, so that no JSON number ever rounds it. */
@Schema(description = "An amount of money in an ISO 4217 currency.")
public record MoneyJson(
    @Schema(
            description =
                "A decimal string with a dot: greater than 0, at most "
                    + Money.INTEGER_DIGITS
                    + " digits before the dot (what the books hold, DECIMAL(19, 4)) and no more decimals than the"
                    + " currency has. Fees and nets computed from it must fit the books too.",
            pattern = "^\\d{1," + Money.INTEGER_DIGITS + "}(\\.\\d{1,4})?$")
        @Size(max = Money.INTEGER_DIGITS + 5)
        String amount,
    @Schema(
            description = "ISO 4217 code, upper case.",
            pattern = ApiLimits.CURRENCY_PATTERN,
            example = "RUB")
        @Size(max = ApiLimits.CURRENCY)
        String currency) {

  static MoneyJson of(Money money) {
    return new MoneyJson(money.amountText(), money.currency());
  }

  /** From a stored column, whose scale is the column's: shown at the currency's scale instead. */
  static MoneyJson of(BigDecimal amount, String currency) {
    return amount == null ? null : of(new Money(amount, currency));
  }
}
