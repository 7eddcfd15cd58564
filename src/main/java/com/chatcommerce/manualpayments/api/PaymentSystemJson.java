package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.OrderTerms;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemDraft;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

final class PaymentSystemJson {

  private PaymentSystemJson() {}

  @Schema(name = "PaymentSystemRequest")
  record Request(
      PaymentSystemKind kind,
      @Size(max = ApiLimits.NAME) String name,
      @Size(max = ApiLimits.DESCRIPTION) String description,
      @Schema(
              description = "A decimal string: at least 0, less than 100, at most 4 decimals.",
              pattern = ApiLimits.DECIMAL_PATTERN)
          @Size(max = ApiLimits.DECIMAL)
          String commissionPercent,
      @Valid MoneyJson fixedFee,
      @Schema(pattern = ApiLimits.CURRENCY_PATTERN) @Size(max = ApiLimits.CURRENCY)
          String accountCurrency,
      @Schema(pattern = ApiLimits.CURRENCY_PATTERN) @Size(max = ApiLimits.CURRENCY)
          String transactionCurrency,
      @ArraySchema(schema = @Schema(pattern = ApiLimits.CURRENCY_PATTERN))
          @Size(max = ApiLimits.MAX_CURRENCIES)
          List<@Size(max = ApiLimits.CURRENCY) String> supportedCurrencies,
      @Size(max = ApiLimits.COMMENT_HINT) String commentHint,
      @Size(max = ApiLimits.URL) String imageUrl) {

    PaymentSystemDraft draft() {
      return new PaymentSystemDraft(
          kind,
          name,
          description,
          commissionPercent,
          fixedFee == null ? null : fixedFee.amount(),
          fixedFee == null ? null : fixedFee.currency(),
          accountCurrency,
          transactionCurrency,
          supportedCurrencies,
          commentHint,
          imageUrl);
    }
  }

  @Schema(name = "PaymentSystem")
  record Response(
      @Schema(minimum = "1") long id,
      PaymentSystemKind kind,
      @Schema(maxLength = ApiLimits.NAME) String name,
      @Schema(maxLength = ApiLimits.DESCRIPTION) String description,
      @JsonUnwrapped TermsJson terms,
      @Schema(maxLength = ApiLimits.COMMENT_HINT) String commentHint,
      @Schema(maxLength = ApiLimits.URL) String imageUrl,
      Instant createdAt) {

    static Response of(PaymentSystem p) {
      return new Response(
          p.id(),
          p.kind(),
          p.name(),
          p.description(),
          TermsJson.of(OrderTerms.of(p)),
          p.commentHint(),
          p.imageUrl(),
          p.createdAt());
    }
  }

  @Schema(name = "PaymentSystemPage")
  record Page(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> paymentSystems,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}
}
