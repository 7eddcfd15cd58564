package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.OrderTerms;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A payment system's pricing terms as the API shows them: on the payment system as they stand, and
 * on an order as they stood when it was submitted. Both show them with the same fields, unwrapped
 * into their own object.
 */
record TermsJson(
    @Schema(maxLength = ApiLimits.DECIMAL, pattern = ApiLimits.DECIMAL_PATTERN)
        String commissionPercent,
    MoneyJson fixedFee,
    @Schema(maxLength = ApiLimits.CURRENCY, pattern = ApiLimits.CURRENCY_PATTERN)
        String accountCurrency,
    @Schema(maxLength = ApiLimits.CURRENCY, pattern = ApiLimits.CURRENCY_PATTERN)
        String transactionCurrency,
    @ArraySchema(
            maxItems = ApiLimits.MAX_CURRENCIES,
            schema = @Schema(maxLength = ApiLimits.CURRENCY, pattern = ApiLimits.CURRENCY_PATTERN))
        List<String> supportedCurrencies) {

  static TermsJson of(OrderTerms t) {
    return new TermsJson(
        t.commissionPercent().stripTrailingZeros().toPlainString(),
        MoneyJson.of(t.fixedFeeAmount(), t.fixedFeeCurrency()),
        t.accountCurrency(),
        t.transactionCurrency(),
        t.supportedCurrencies());
  }
}
