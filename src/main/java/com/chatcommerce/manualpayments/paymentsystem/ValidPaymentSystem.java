package com.chatcommerce.manualpayments.paymentsystem;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.TextRules;
import com.chatcommerce.manualpayments.money.Currencies;
import com.chatcommerce.manualpayments.money.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A payment system draft that passed every rule of spec §1. */
record ValidPaymentSystem(
    PaymentSystemKind kind,
    String name,
    String description,
    BigDecimal commissionPercent,
    BigDecimal fixedFeeAmount,
    String fixedFeeCurrency,
    String accountCurrency,
    String transactionCurrency,
    List<String> supportedCurrencies,
    String commentHint,
    String imageUrl) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * {@code id} is the payment system's when it is edited, whose uploaded image it may keep showing.
   */
  static ValidPaymentSystem of(PaymentSystemDraft draft, Long id) {
    String name = TextRules.name(draft.name(), "name");
    BigDecimal commission = Money.parseDecimal(draft.commissionPercent(), "commissionPercent");
    if (commission.signum() < 0 || commission.compareTo(HUNDRED) >= 0) {
      throw new InvalidInputException("commissionPercent", "must be at least 0 and less than 100");
    }
    if (commission.stripTrailingZeros().scale() > 4) {
      throw new InvalidInputException("commissionPercent", "has more than 4 decimals");
    }
    String account = Currencies.requireIsoCode(draft.accountCurrency(), "accountCurrency");
    String transaction =
        Currencies.requireIsoCode(draft.transactionCurrency(), "transactionCurrency");
    List<String> supported = supported(draft.supportedCurrencies());
    if (!supported.contains(account)) {
      throw new InvalidInputException(
          "supportedCurrencies", "must contain the account currency " + account);
    }
    if (!supported.contains(transaction)) {
      throw new InvalidInputException(
          "supportedCurrencies", "must contain the transaction currency " + transaction);
    }
    BigDecimal fixedFee = null;
    String feeCurrency = null;
    if (draft.fixedFeeAmount() != null) {
      fixedFee = Money.parseDecimal(draft.fixedFeeAmount(), "fixedFeeAmount");
      if (fixedFee.signum() < 0) {
        throw new InvalidInputException("fixedFeeAmount", "must be 0 or more");
      }
      feeCurrency = Currencies.requireIsoCode(draft.fixedFeeCurrency(), "fixedFeeCurrency");
      Currencies.requireMinorUnits(fixedFee, feeCurrency, "fixedFeeAmount");
    } else if (draft.fixedFeeCurrency() != null) {
      throw new InvalidInputException(
          "fixedFeeAmount", "is required when fixedFeeCurrency is given");
    }
    return new ValidPaymentSystem(
        draft.kind() == null ? PaymentSystemKind.MANUAL : draft.kind(),
        name,
        TextRules.optional(draft.description(), "description", PaymentSystem.DESCRIPTION),
        commission,
        fixedFee,
        feeCurrency,
        account,
        transaction,
        supported,
        TextRules.optional(draft.commentHint(), "commentHint", PaymentSystem.COMMENT_HINT),
        imageUrl(draft.imageUrl(), id));
  }

  /**
   * An image typed in as a link must be served over https: the platform shows it in the client's
   * pay window, where a javascript: or data: link would run or show whatever its author wanted.
   */
  private static String imageUrl(String value, Long id) {
    String url = TextRules.optional(value, "imageUrl", PaymentSystem.IMAGE_URL);
    if (url == null || id != null && url.equals(PaymentSystem.uploadedImageUrl(id))) {
      return url;
    }
    if (!isHttps(url)) {
      throw new InvalidInputException(
          "imageUrl", "must be an https:// link, or the payment system's uploaded image");
    }
    return url;
  }

  private static boolean isHttps(String url) {
    try {
      URI uri = new URI(url);
      return "https".equalsIgnoreCase(uri.getScheme())
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static List<String> supported(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      throw new InvalidInputException("supportedCurrencies", "is required");
    }
    var unique = new LinkedHashSet<String>();
    for (int i = 0; i < codes.size(); i++) {
      unique.add(Currencies.requireIsoCode(codes.get(i), "supportedCurrencies[" + i + "]"));
    }
    if (unique.size() > PaymentSystem.MAX_CURRENCIES) {
      throw new InvalidInputException(
          "supportedCurrencies", "lists more than " + PaymentSystem.MAX_CURRENCIES + " currencies");
    }
    return new ArrayList<>(unique);
  }
}
