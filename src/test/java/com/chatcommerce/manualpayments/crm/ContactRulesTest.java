package com.chatcommerce.manualpayments.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRulesTest {

  @Test
  void validContactsAreKeptAsGiven() {
    assertThat(ContactRules.email("anna.k+shop@mail.example.ru", "email", true))
        .isEqualTo("anna.k+shop@mail.example.ru");
    assertThat(ContactRules.phone("+79001234567", "phone", true)).isEqualTo("+79001234567");
  }

  @Test
  void anOptionalContactLeftEmptyIsAbsent() {
    assertThat(ContactRules.email(" ", "email", false)).isNull();
    assertThat(ContactRules.phone(null, "phone", false)).isNull();
  }

  @Test
  void aRequiredContactLeftEmptyIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ContactRules.email("", "payer.email", true))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("payer.email"));
    assertThatThrownBy(() -> ContactRules.phone(null, "phone", true))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "a@b", "a@@b.ru", "a b@c.ru", "a@-b.ru"})
  void anEmailThatCannotBeDeliveredToIsRefused(String email) {
    assertThatThrownBy(() -> ContactRules.email(email, "email", true))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Test
  void anEmailLongerThanTheStandardAllowsIsRefused() {
    String email = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "ru";
    assertThatThrownBy(() -> ContactRules.email(email, "email", true))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"89001234567", "+0123456789", "+7900", "+7 900 123 45 67", "+7900123456789012"})
  void aPhoneNotInE164FormIsRefused(String phone) {
    assertThatThrownBy(() -> ContactRules.phone(phone, "phone", true))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.getMessage()).contains("E.164"));
  }
}
