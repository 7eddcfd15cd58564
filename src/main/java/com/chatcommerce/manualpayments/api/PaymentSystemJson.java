package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemDraft;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import java.time.Instant;
import java.util.List;

final class PaymentSystemJson {

  private PaymentSystemJson() {}

  record Request(
      PaymentSystemKind kind,
      String name,
      String description,
      String commissionPercent,
      MoneyJson fixedFee,
      String accountCurrency,
      String transactionCurrency,
      List<String> supportedCurrencies,
      String commentHint,
      String imageUrl) {

    PaymentSystemDraft draft() {
      return new PaymentSystemDraft(
          kind, name, description, commissionPercent,
          fixedFee == null ? null : fixedFee.amount(),
          fixedFee == null ? null : fixedFee.currency(),
          accountCurrency, transactionCurrency, supportedCurrencies, commentHint, imageUrl);
    }
  }

  record Response(
      long id,
      PaymentSystemKind kind,
      String name,
      String description,
      String commissionPercent,
      MoneyJson fixedFee,
      String accountCurrency,
      String transactionCurrency,
      List<String> supportedCurrencies,
      String commentHint,
      String imageUrl,
      Instant createdAt) {

    static Response of(PaymentSystem p) {
      return new Response(
          p.id(), p.kind(), p.name(), p.description(), p.commissionPercent().stripTrailingZeros().toPlainString(),
          p.fixedFeeAmount().map(a -> MoneyJson.of(a, p.fixedFeeCurrency())).orElse(null),
          p.accountCurrency(), p.transactionCurrency(), p.supportedCurrencies(), p.commentHint(), p.imageUrl(),
          p.createdAt());
    }
  }
}
