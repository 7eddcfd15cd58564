package com.chatcommerce.manualpayments.paymentsystem;

public enum PaymentSystemKind {
  /** "Мерчант для ручных оплат": the only kind whose offers can be paid manually. */
  MANUAL,
  /** A payment service the platform integrates with; kept so that offers can name one. */
  INTEGRATED
}
