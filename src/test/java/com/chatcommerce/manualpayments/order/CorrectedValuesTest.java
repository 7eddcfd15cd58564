package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A manager's correction against the terms the order was submitted under (spec §4, §6a). */
class CorrectedValuesTest {

  private static final OrderTerms TERMS =
      new OrderTerms(
          new BigDecimal("2.5"),
          new BigDecimal("10.00"),
          "RUB",
          "RUB",
          "RUB",
          List.of("RUB", "USD"),
          RatesUsed.NONE);

  private final Order order = mock(Order.class);

  @BeforeEach
  void anOpenOrderOf1500Rub() {
    when(order.amount()).thenReturn(new Money(new BigDecimal("1500.00"), "RUB"));
    when(order.paymentDate()).thenReturn(LocalDate.parse("2026-11-28"));
  }

  @Test
  void noCorrectionKeepsTheOrdersValuesAndDoesNotReprice() {
    CorrectedValues values = CorrectedValues.of(order, TERMS, Correction.NONE);

    assertThat(values.amount()).isEqualTo(order.amount());
    assertThat(values.paymentDate()).isEqualTo(LocalDate.parse("2026-11-28"));
    assertThat(values.managerComment()).isNull();
    assertThat(values.repricesOrder(order)).isFalse();
  }

  @Test
  void aCorrectedAmountRepricesAndKeepsTheManagersCommentApart() {
    CorrectedValues values =
        CorrectedValues.of(
            order, TERMS, new Correction("1400", null, "2026-11-27", "paid 100 less"));

    assertThat(values.amount()).isEqualTo(new Money(new BigDecimal("1400.00"), "RUB"));
    assertThat(values.paymentDate()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(values.managerComment()).isEqualTo("paid 100 less");
    assertThat(values.repricesOrder(order)).isTrue();
  }

  @Test
  void aNewCurrencyComesWithTheAmountPaidInIt() {
    assertRefused(new Correction(null, "USD", null, null), "amount.amount");
    assertThat(
            CorrectedValues.of(order, TERMS, new Correction("16.20", "USD", null, null)).amount())
        .isEqualTo(new Money(new BigDecimal("16.20"), "USD"));
  }

  @Test
  void aCurrencyTheOrdersTermsDoNotSupportIsRefused() {
    assertRefused(new Correction("15.00", "EUR", null, null), "amount.currency");
  }

  @Test
  void anAmountThatIsNotPositiveOrWouldHaveToBeRoundedIsRefused() {
    assertRefused(new Correction("-5", null, null, null), "amount.amount");
    assertRefused(new Correction("0", null, null, null), "amount.amount");
    assertRefused(new Correction("1400.001", null, null, null), "amount.amount");
  }

  @Test
  void aBadDateOrAnOverlongCommentIsRefusedNamingItsField() {
    assertRefused(new Correction(null, null, "27.11.2026", null), "paymentDate");
    assertRefused(new Correction(null, null, null, "x".repeat(1001)), "comment");
  }

  private void assertRefused(Correction correction, String field) {
    assertThatThrownBy(() -> CorrectedValues.of(order, TERMS, correction))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
