package com.chatcommerce.manualpayments.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrderFieldsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  @Test
  void aMissingOrBlankPaymentDateIsTheDateGivenForIt() {
    assertThat(OrderFields.paymentDate(null, TODAY)).isEqualTo(TODAY);
    assertThat(OrderFields.paymentDate("  ", TODAY)).isEqualTo(TODAY);
  }

  @Test
  void aPaymentDateIsAnIsoDateWithAFourDigitYear() {
    assertThat(OrderFields.paymentDate("2026-11-20", TODAY)).isEqualTo(LocalDate.of(2026, 11, 20));
    assertRefused(() -> OrderFields.paymentDate("20.11.2026", TODAY), "paymentDate", "YYYY-MM-DD");
    assertRefused(() -> OrderFields.paymentDate("2026-02-30", TODAY), "paymentDate", "YYYY-MM-DD");
    assertRefused(() -> OrderFields.paymentDate("+12026-11-20", TODAY), "paymentDate", "four");
  }

  @Test
  void aCommentOfAThousandCharactersIsKeptAndOneMoreIsRefused() {
    String longest = "c".repeat(1000);
    assertThat(OrderFields.comment(longest)).isEqualTo(longest);
    assertRefused(() -> OrderFields.comment(longest + "c"), "comment", "1000");
  }

  @Test
  void aBlankCommentIsNoComment() {
    assertThat(OrderFields.comment(null)).isNull();
    assertThat(OrderFields.comment(" \n ")).isNull();
    assertThat(OrderFields.comment(" paid in cash ")).isEqualTo(" paid in cash ");
  }

  private static void assertRefused(Runnable rule, String field, String reason) {
    assertThatThrownBy(rule::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(reason);
  }
}
