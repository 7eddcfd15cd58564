package com.chatcommerce.manualpayments.paymentsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidPaymentSystemTest {

  @Test
  void aManualPaymentSystemOfTheSpecIsAccepted() {
    ValidPaymentSystem valid =
        ValidPaymentSystem.of(
            new PaymentSystemDraft(
                null,
                "Cash desk",
                null,
                "2.5",
                "10.00",
                "RUB",
                "RUB",
                "USD",
                List.of("RUB", "USD", "RUB"),
                "Order number",
                null),
            null);

    assertThat(valid.kind()).isEqualTo(PaymentSystemKind.MANUAL);
    assertThat(valid.commissionPercent()).isEqualByComparingTo("2.5");
    assertThat(valid.fixedFeeAmount()).isEqualByComparingTo(new BigDecimal("10.00"));
    assertThat(valid.supportedCurrencies()).containsExactly("RUB", "USD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.0001", "99.9999"})
  void aCommissionFromZeroToUnderAHundredIsAccepted(String commission) {
    assertThat(ValidPaymentSystem.of(draft(commission, List.of("RUB")), null).commissionPercent())
        .isEqualByComparingTo(commission);
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "-0.1", "1,5", "2.00001"})
  void aCommissionOutsideTheSpecOrWithMoreDecimalsThanStoredIsRefused(String commission) {
    assertRefused(draft(commission, List.of("RUB")), "commissionPercent");
  }

  @Test
  void theSupportedCurrenciesMustHoldTheAccountAndTransactionCurrencies() {
    assertRefused(draft("1", List.of("USD")), "supportedCurrencies");
    assertRefused(
        new PaymentSystemDraft(
            null, "X", null, "1", null, null, "RUB", "USD", List.of("RUB"), null, null),
        "supportedCurrencies");
    assertRefused(draft("1", List.of()), "supportedCurrencies");
    assertRefused(draft("1", List.of("RUB", "rub")), "supportedCurrencies[1]");
  }

  @Test
  void aFixedFeeIsNeverNegativeAndComesWithItsCurrency() {
    assertRefused(
        new PaymentSystemDraft(
            null, "X", null, "1", "-1", "RUB", "RUB", "RUB", List.of("RUB"), null, null),
        "fixedFeeAmount");
    assertRefused(
        new PaymentSystemDraft(
            null, "X", null, "1", "1", null, "RUB", "RUB", List.of("RUB"), null, null),
        "fixedFeeCurrency");
    assertRefused(
        new PaymentSystemDraft(
            null, "X", null, "1", null, "RUB", "RUB", "RUB", List.of("RUB"), null, null),
        "fixedFeeAmount");
    assertRefused(
        new PaymentSystemDraft(
            null, "X", null, "1", "1.5", "JPY", "RUB", "RUB", List.of("RUB"), null, null),
        "fixedFeeAmount");
  }

  @Test
  void aNameIsRequiredAndTextsHaveLimits() {
    assertRefused(
        new PaymentSystemDraft(
            null, " ", null, "1", null, null, "RUB", "RUB", List.of("RUB"), null, null),
        "name");
    assertRefused(
        new PaymentSystemDraft(
            null, "n".repeat(201), null, "1", null, null, "RUB", "RUB", List.of("RUB"), null, null),
        "name");
    assertRefused(
        new PaymentSystemDraft(
            null, "X", null, "1", null, null, "RUB", "RUB", List.of("RUB"), "h".repeat(501), null),
        "commentHint");
  }

  @Test
  void aTypedInImageLinkMustBeHttpsToAHost() {
    for (String link :
        List.of(
            "javascript:alert(1)",
            "http://img.example.com/a.png",
            "data:image/png;base64,AA",
            "https://")) {
      assertRefused(
          new PaymentSystemDraft(
              null, "X", null, "1", null, null, "RUB", "RUB", List.of("RUB"), null, link),
          "imageUrl");
    }
    assertThat(
            ValidPaymentSystem.of(
                    new PaymentSystemDraft(
                        null,
                        "X",
                        null,
                        "1",
                        null,
                        null,
                        "RUB",
                        "RUB",
                        List.of("RUB"),
                        null,
                        "https://img.example.com/a.png"),
                    null)
                .imageUrl())
        .isEqualTo("https://img.example.com/a.png");
  }

  private static PaymentSystemDraft draft(String commission, List<String> supported) {
    return new PaymentSystemDraft(
        null, "X", null, commission, null, null, "RUB", "RUB", supported, null, null);
  }

  private static void assertRefused(PaymentSystemDraft draft, String field) {
    assertThatThrownBy(() -> ValidPaymentSystem.of(draft, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
