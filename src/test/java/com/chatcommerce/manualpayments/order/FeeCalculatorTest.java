package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.ExchangeRateService;
import com.chatcommerce.manualpayments.money.MissingExchangeRateException;
import com.chatcommerce.manualpayments.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

  private final ExchangeRateService rates = mock(ExchangeRateService.class);
  private final FeeCalculator fees = new FeeCalculator(rates);

  @Test
  void feeIsCommissionPlusFixedFeeAndNetIsTheRest() {
    OrderTerms paymentSystem = paymentSystem("2.5", "10.00", "RUB", "RUB", "RUB", List.of("RUB"));

    Pricing pricing = fees.submission(paymentSystem, money("1500.00", "RUB"), "amount").pricing();

    assertThat(pricing.fee()).isEqualTo(money("47.50", "RUB"));
    assertThat(pricing.net()).isEqualTo(money("1452.50", "RUB"));
  }

  @Test
  void roundsHalfEvenOnlyAtTheEnd() {
    // 0.5 % of 2.50 = 0.0125 → 0.01 (half-even), net 2.4875 → 2.49; rounding the fee first would
    // give 2.49 too,
    // but 0.5 % of 7.50 = 0.0375 → 0.04, and net 7.4625 → 7.46: exact intermediate, one rounding
    // each.
    OrderTerms paymentSystem = paymentSystem("0.5", null, null, "RUB", "RUB", List.of("RUB"));

    assertThat(priced(paymentSystem, "2.50").fee()).isEqualTo(money("0.01", "RUB"));
    assertThat(priced(paymentSystem, "7.50").fee()).isEqualTo(money("0.04", "RUB"));
    assertThat(priced(paymentSystem, "7.50").net()).isEqualTo(money("7.46", "RUB"));
  }

  @Test
  void fixedFeeIsConvertedToTheTransactionCurrencyAndNetToTheAccountCurrency() {
    OrderTerms paymentSystem =
        paymentSystem("1", "1.00", "EUR", "RUB", "USD", List.of("RUB", "USD"));
    when(rates.rate("EUR", "USD")).thenReturn(new BigDecimal("1.08"));
    when(rates.rate("USD", "RUB")).thenReturn(new BigDecimal("92.5"));

    Pricing pricing = fees.submission(paymentSystem, money("100.00", "USD"), "amount").pricing();

    // fee = 1.00 + 1.08 = 2.08 USD; net = (100 − 2.08) × 92.5 = 9057.60 RUB.
    assertThat(pricing.fee()).isEqualTo(money("2.08", "USD"));
    assertThat(pricing.net()).isEqualTo(money("9057.60", "RUB"));
  }

  @Test
  void currencyWithoutMinorUnitsRoundsToWholeUnits() {
    OrderTerms paymentSystem = paymentSystem("3", null, null, "JPY", "JPY", List.of("JPY"));

    Pricing pricing = fees.submission(paymentSystem, money("1050", "JPY"), "amount").pricing();

    assertThat(pricing.fee()).isEqualTo(money("32", "JPY"));
    assertThat(pricing.net()).isEqualTo(money("1018", "JPY"));
  }

  @Test
  void priceInAnUnsupportedCurrencyIsChargedInTheTransactionCurrency() {
    OrderTerms paymentSystem = paymentSystem("0", null, null, "RUB", "RUB", List.of("RUB"));
    when(rates.rate("EUR", "RUB")).thenReturn(new BigDecimal("98.7654"));

    assertThat(amountPaid(paymentSystem, money("20.00", "EUR"), "offerId"))
        .isEqualTo(money("1975.31", "RUB"));
    assertThat(amountPaid(paymentSystem, money("20.00", "RUB"), "offerId"))
        .isEqualTo(money("20.00", "RUB"));
  }

  @Test
  void missingRateIsAnErrorNotAGuess() {
    OrderTerms paymentSystem = paymentSystem("1", null, null, "RUB", "USD", List.of("USD"));
    when(rates.rate("USD", "RUB")).thenThrow(new MissingExchangeRateException("USD", "RUB"));

    assertThatThrownBy(
            () -> fees.submission(paymentSystem, money("10.00", "USD"), "amount").pricing())
        .isInstanceOf(MissingExchangeRateException.class)
        .hasMessageContaining("USD to RUB");
  }

  @Test
  void netBelowZeroIsRefusedNamingTheFieldWithTheFeeAndTheNet() {
    OrderTerms paymentSystem = paymentSystem("2.5", "10.00", "RUB", "RUB", "RUB", List.of("RUB"));

    // fee = 5.00 × 2.5 % + 10.00 = 10.125 → 10.12; net = 5.00 − 10.125 = −5.125 → −5.12.
    assertThatThrownBy(
            () -> fees.submission(paymentSystem, money("5.00", "RUB"), "amount.amount").pricing())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount.amount"))
        .hasMessageContaining("10.12 RUB")
        .hasMessageContaining("-5.12 RUB");
    assertThat(priced(paymentSystem, "10.26").net()).isEqualTo(money("0.00", "RUB"));
  }

  @Test
  void resultTheBooksCannotHoldIsRefusedNamingTheField() {
    OrderTerms paymentSystem = paymentSystem("0", null, null, "RUB", "USD", List.of("USD"));
    when(rates.rate("USD", "RUB")).thenReturn(new BigDecimal("92.5"));

    // 15 nines fit the books in USD; converted to RUB the net needs 17 digits.
    assertThatThrownBy(
            () ->
                fees.submission(paymentSystem, money("999999999999999", "USD"), "amount.amount")
                    .pricing())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount.amount"))
        .hasMessageContaining("the net credited")
        .hasMessageContaining("15 digits");
    assertThatThrownBy(
            () ->
                amountPaid(
                    paymentSystem("0", null, null, "RUB", "RUB", List.of("RUB")),
                    money("999999999999999", "USD"),
                    "offerId"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("offerId"));
  }

  @Test
  void correctionRepricesAtTheRatesTheOrderWasSubmittedAtNotTodays() {
    OrderTerms paymentSystem =
        paymentSystem("2.5", "10.00", "RUB", "USD", "RUB", List.of("RUB", "USD"));
    when(rates.rate("RUB", "USD")).thenReturn(new BigDecimal("0.0108"));
    OrderTerms submittedUnder =
        fees.submission(paymentSystem, money("1500.00", "RUB"), "offerId").terms();
    when(rates.rate("RUB", "USD")).thenReturn(new BigDecimal("0.02"));

    Pricing corrected = fees.correction(submittedUnder, money("1400.00", "RUB"), "amount.amount");

    // fee = 1400.00 × 2.5 % + 10.00 = 45.00 RUB; net = 1355.00 × 0.0108 = 14.634 → 14.63 USD, not
    // 27.10 at today's rate.
    assertThat(corrected.fee()).isEqualTo(money("45.00", "RUB"));
    assertThat(corrected.net()).isEqualTo(money("14.63", "USD"));
    assertThat(submittedUnder.rates().byPair()).containsOnlyKeys("RUB>USD");
  }

  @Test
  void correctionInANewCurrencyTakesTodaysRateForThePairsTheSubmissionDidNotUse() {
    OrderTerms paymentSystem =
        paymentSystem("2.5", "10.00", "RUB", "RUB", "RUB", List.of("RUB", "USD"));
    OrderTerms submittedUnder =
        fees.submission(paymentSystem, money("1500.00", "RUB"), "offerId").terms();
    when(rates.rate("RUB", "USD")).thenReturn(new BigDecimal("0.0108"));
    when(rates.rate("USD", "RUB")).thenReturn(new BigDecimal("92.5"));

    Pricing corrected = fees.correction(submittedUnder, money("20.00", "USD"), "amount.amount");

    // fee = 20.00 × 2.5 % + 10.00 RUB × 0.0108 = 0.608 → 0.61 USD; net = 19.392 × 92.5 = 1793.76
    // RUB.
    assertThat(submittedUnder.rates()).isEqualTo(RatesUsed.NONE);
    assertThat(corrected.fee()).isEqualTo(money("0.61", "USD"));
    assertThat(corrected.net()).isEqualTo(money("1793.76", "RUB"));
  }

  private static Money money(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  private Pricing priced(OrderTerms paymentSystem, String rubles) {
    return fees.submission(paymentSystem, money(rubles, "RUB"), "amount").pricing();
  }

  /**
   * What the client pays for {@code price}: converted to the transaction currency when not
   * supported.
   */
  private Money amountPaid(OrderTerms paymentSystem, Money price, String field) {
    return fees.submission(paymentSystem, price, field).pricing().amount();
  }

  private static OrderTerms paymentSystem(
      String commission,
      String fixedFee,
      String feeCurrency,
      String account,
      String transaction,
      List<String> supported) {
    return new OrderTerms(
        new BigDecimal(commission),
        fixedFee == null ? null : new BigDecimal(fixedFee),
        feeCurrency,
        account,
        transaction,
        supported,
        RatesUsed.NONE);
  }
}
