package com.chatcommerce.manualpayments.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrmOrderLineTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final CrmOrderLine line = new CrmOrderLine("order-1", 7, 3);

  @Test
  void aLineMovesForwardThroughTheOrdersLife() {
    line.show("OPEN", new BigDecimal("1500.00"), "RUB", T0);
    line.show("APPROVED", new BigDecimal("1400.00"), "RUB", T0.plusSeconds(1));
    line.show("REFUNDED", new BigDecimal("1400.00"), "RUB", T0.plusSeconds(2));

    assertThat(line.status()).isEqualTo("REFUNDED");
    assertThat(line.amount()).isEqualByComparingTo("1400.00");
    assertThat(line.updatedAt()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void aLateRedeliveredUpdateNeverMovesALineBackwards() {
    line.show("OPEN", new BigDecimal("1500.00"), "RUB", T0);
    line.show("APPROVED", new BigDecimal("1400.00"), "RUB", T0.plusSeconds(1));

    line.show("OPEN", new BigDecimal("1500.00"), "RUB", T0.plusSeconds(5));

    assertThat(line.status()).isEqualTo("APPROVED");
    assertThat(line.amount()).isEqualByComparingTo("1400.00");
    assertThat(line.updatedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void theSameStatusShownAgainTakesItsLatestValues() {
    line.show("APPROVED", new BigDecimal("1400.00"), "RUB", T0);
    line.show("APPROVED", new BigDecimal("1400.00"), "RUB", T0.plusSeconds(3));

    assertThat(line.updatedAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void anUnknownStatusIsRefusedAndShowsNothing() {
    assertThatThrownBy(() -> line.show("PAID", BigDecimal.ONE, "RUB", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PAID");
    assertThat(line.status()).isNull();
  }
}
