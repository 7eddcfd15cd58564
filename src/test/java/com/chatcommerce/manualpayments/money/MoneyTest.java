package com.chatcommerce.manualpayments.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @Test
  void anAmountIsKeptAtItsCurrencysScaleWithoutRounding() {
    assertThat(Money.parsePositive("1500", "RUB", "price").amountText()).isEqualTo("1500.00");
    assertThat(Money.parsePositive("1500.5", "RUB", "price").amountText()).isEqualTo("1500.50");
    assertThat(Money.parsePositive("7", "JPY", "price").amountText()).isEqualTo("7");
    assertThat(Money.parsePositive("1.234", "KWD", "price").amountText()).isEqualTo("1.234");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0          | RUB | price.amount   | greater than 0
      -5         | RUB | price.amount   | greater than 0
      10.001     | RUB | price.amount   | at most 2 decimals
      10.5       | JPY | price.amount   | at most 0 decimals
      1,50       | RUB | price.amount   | decimal number with a dot
      1e3        | RUB | price.amount   | decimal number with a dot
      1000000000000000 | RUB | price.amount | decimal number with a dot
      10         | rub | price.currency | ISO 4217
      10         | ABC | price.currency | unknown ISO 4217
      10         | XAU | price.currency | not a currency money can be paid in
      """)
  void inputThatWouldHaveToBeRoundedOrGuessedIsRefusedNamingTheField(
      String amount, String currency, String field, String reason) {
    assertThatThrownBy(() -> Money.parsePositive(amount, currency, "price"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(reason);
            });
  }

  @Test
  void onlyAComputedResultIsRoundedAndThenHalfEven() {
    assertThat(Money.roundedOf(new BigDecimal("10.125"), "RUB").amountText()).isEqualTo("10.12");
    assertThat(Money.roundedOf(new BigDecimal("10.135"), "RUB").amountText()).isEqualTo("10.14");
    assertThat(Money.roundedOf(new BigDecimal("10.5"), "JPY").amountText()).isEqualTo("10");
  }

  @Test
  void theBooksHoldFifteenDigitsBeforeThePointAndNoMore() {
    assertThat(new Money(new BigDecimal("999999999999999.99"), "RUB").fitsTheBooks()).isTrue();
    assertThat(new Money(new BigDecimal("1000000000000000.00"), "RUB").fitsTheBooks()).isFalse();
    assertThat(new Money(new BigDecimal("-1000000000000000.00"), "RUB").fitsTheBooks()).isFalse();
  }

  @Test
  void aConstructedAmountWithMoreDecimalsThanItsCurrencyIsRefused() {
    assertThatThrownBy(() -> new Money(new BigDecimal("1.001"), "RUB"))
        .isInstanceOf(InvalidInputException.class);
  }
}
