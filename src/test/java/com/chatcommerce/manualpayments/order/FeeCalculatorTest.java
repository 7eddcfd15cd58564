package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.ExchangeRates;
import com.chatcommerce.manualpayments.money.MissingExchangeRateException;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

  private final ExchangeRates rates = mock(ExchangeRates.class);
  private final FeeCalculator fees = new FeeCalculator(rates);

  @Test
  void feeIsCommissionPlusFixedFeeAndNetIsTheRest() {
    PaymentSystem merchant = merchant("2.5", "10.00", "RUB", "RUB", "RUB", List.of("RUB"));
    sameCurrencyRates();

    Pricing pricing = fees.price(merchant, money("1500.00", "RUB"), "amount");

    assertThat(pricing.fee()).isEqualTo(money("47.50", "RUB"));
    assertThat(pricing.net()).isEqualTo(money("1452.50", "RUB"));
  }

  @Test
  void roundsHalfEvenOnlyAtTheEnd() {
    // 0.5 % of 2.50 = 0.0125 → 0.01 (half-even), net 2.4875 → 2.49; rounding the fee first would give 2.49 too,
    // but 0.5 % of 7.50 = 0.0375 → 0.04, and net 7.4625 → 7.46: exact intermediate, one rounding each.
    PaymentSystem merchant = merchant("0.5", null, null, "RUB", "RUB", List.of("RUB"));
    sameCurrencyRates();

    assertThat(fees.price(merchant, money("2.50", "RUB"), "amount").fee()).isEqualTo(money("0.01", "RUB"));
    assertThat(fees.price(merchant, money("7.50", "RUB"), "amount").fee()).isEqualTo(money("0.04", "RUB"));
    assertThat(fees.price(merchant, money("7.50", "RUB"), "amount").net()).isEqualTo(money("7.46", "RUB"));
  }

  @Test
  void fixedFeeIsConvertedToTheTransactionCurrencyAndNetToTheAccountCurrency() {
    PaymentSystem merchant = merchant("1", "1.00", "EUR", "RUB", "USD", List.of("RUB", "USD"));
    when(rates.rate("EUR", "USD")).thenReturn(new BigDecimal("1.08"));
    when(rates.rate("USD", "RUB")).thenReturn(new BigDecimal("92.5"));

    Pricing pricing = fees.price(merchant, money("100.00", "USD"), "amount");

    // fee = 1.00 + 1.08 = 2.08 USD; net = (100 − 2.08) × 92.5 = 9057.60 RUB.
    assertThat(pricing.fee()).isEqualTo(money("2.08", "USD"));
    assertThat(pricing.net()).isEqualTo(money("9057.60", "RUB"));
  }

  @Test
  void currencyWithoutMinorUnitsRoundsToWholeUnits() {
    PaymentSystem merchant = merchant("3", null, null, "JPY", "JPY", List.of("JPY"));
    sameCurrencyRates();

    Pricing pricing = fees.price(merchant, money("1050", "JPY"), "amount");

    assertThat(pricing.fee()).isEqualTo(money("32", "JPY"));
    assertThat(pricing.net()).isEqualTo(money("1018", "JPY"));
  }

  @Test
  void priceInAnUnsupportedCurrencyIsChargedInTheTransactionCurrency() {
    PaymentSystem merchant = merchant("0", null, null, "RUB", "RUB", List.of("RUB"));
    when(rates.rate("EUR", "RUB")).thenReturn(new BigDecimal("98.7654"));

    assertThat(fees.transactionAmount(merchant, money("20.00", "EUR"), "offerId")).isEqualTo(money("1975.31", "RUB"));
    assertThat(fees.transactionAmount(merchant, money("20.00", "RUB"), "offerId")).isEqualTo(money("20.00", "RUB"));
  }

  @Test
  void missingRateIsAnErrorNotAGuess() {
    PaymentSystem merchant = merchant("1", null, null, "RUB", "USD", List.of("USD"));
    when(rates.rate("USD", "RUB")).thenThrow(new MissingExchangeRateException("USD", "RUB"));

    assertThatThrownBy(() -> fees.price(merchant, money("10.00", "USD"), "amount"))
        .isInstanceOf(MissingExchangeRateException.class)
        .hasMessageContaining("USD to RUB");
  }

  @Test
  void netBelowZeroIsRefusedNamingTheFieldWithTheFeeAndTheNet() {
    PaymentSystem merchant = merchant("2.5", "10.00", "RUB", "RUB", "RUB", List.of("RUB"));
    sameCurrencyRates();

    // fee = 5.00 × 2.5 % + 10.00 = 10.125 → 10.12; net = 5.00 − 10.125 = −5.125 → −5.12.
    assertThatThrownBy(() -> fees.price(merchant, money("5.00", "RUB"), "amount.amount"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount.amount"))
        .hasMessageContaining("10.12 RUB").hasMessageContaining("-5.12 RUB");
    assertThat(fees.price(merchant, money("10.26", "RUB"), "amount.amount").net()).isEqualTo(money("0.00", "RUB"));
  }

  @Test
  void resultTheBooksCannotHoldIsRefusedNamingTheField() {
    PaymentSystem merchant = merchant("0", null, null, "RUB", "USD", List.of("USD"));
    when(rates.rate("USD", "USD")).thenReturn(BigDecimal.ONE);
    when(rates.rate("USD", "RUB")).thenReturn(new BigDecimal("92.5"));

    // 15 nines fit the books in USD; converted to RUB the net needs 17 digits.
    assertThatThrownBy(() -> fees.price(merchant, money("999999999999999", "USD"), "amount.amount"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount.amount"))
        .hasMessageContaining("the net credited").hasMessageContaining("15 digits");
    assertThatThrownBy(() -> fees.transactionAmount(
            merchant("0", null, null, "RUB", "RUB", List.of("RUB")), money("999999999999999", "USD"), "offerId"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("offerId"));
  }

  private void sameCurrencyRates() {
    when(rates.rate("RUB", "RUB")).thenReturn(BigDecimal.ONE);
    when(rates.rate("JPY", "JPY")).thenReturn(BigDecimal.ONE);
  }

  private static Money money(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  private static PaymentSystem merchant(
      String commission, String fixedFee, String feeCurrency, String account, String transaction,
      List<String> supported) {
    PaymentSystem merchant = mock(PaymentSystem.class);
    when(merchant.commissionPercent()).thenReturn(new BigDecimal(commission));
    when(merchant.fixedFeeAmount()).thenReturn(Optional.ofNullable(fixedFee).map(BigDecimal::new));
    when(merchant.fixedFeeCurrency()).thenReturn(feeCurrency);
    when(merchant.accountCurrency()).thenReturn(account);
    when(merchant.transactionCurrency()).thenReturn(transaction);
    when(merchant.supports(org.mockito.ArgumentMatchers.anyString()))
        .thenAnswer(i -> supported.contains(i.getArgument(0, String.class)));
    return merchant;
  }
}
