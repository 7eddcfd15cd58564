package com.chatcommerce.manualpayments.offer;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Offers {

  /** SPEC §2: the time to confirm payment defaults to 30 days. */
  public static final String DEFAULT_CONFIRMATION_WINDOW = "P30D";

  private static final Duration LONGEST_CONFIRMATION_WINDOW = Duration.ofDays(365);

  private final OfferRepository offers;
  private final PaymentSystemRepository paymentSystems;
  private final Clock clock;

  public Offers(OfferRepository offers, PaymentSystemRepository paymentSystems, Clock clock) {
    this.offers = offers;
    this.paymentSystems = paymentSystems;
    this.clock = clock;
  }

  @Transactional
  public Offer create(OfferDraft draft) {
    if (draft.name() == null || draft.name().isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (draft.name().length() > 200) {
      throw new InvalidInputException("name", "is longer than 200 characters");
    }
    Money price = Money.parsePositive(draft.priceAmount(), draft.priceCurrency(), "price");
    if (draft.paymentSystemId() == null) {
      throw new InvalidInputException("paymentSystemId", "is required");
    }
    PaymentSystem paymentSystem =
        paymentSystems
            .findById(draft.paymentSystemId())
            .orElseThrow(
                () -> new InvalidInputException(
                    "paymentSystemId", "payment system " + draft.paymentSystemId() + " does not exist"));
    String window = confirmationWindow(draft.confirmationWindow());
    return offers.save(new Offer(draft.name(), price, paymentSystem, window, clock.instant()));
  }

  private static String confirmationWindow(String text) {
    if (text == null) {
      return DEFAULT_CONFIRMATION_WINDOW;
    }
    Duration window;
    try {
      window = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "confirmationWindow", "must be an ISO-8601 duration such as P30D or PT12H, got '" + InvalidInputException.excerpt(text) + "'");
    }
    if (window.isNegative() || window.isZero()) {
      throw new InvalidInputException("confirmationWindow", "must be longer than zero");
    }
    if (window.compareTo(LONGEST_CONFIRMATION_WINDOW) > 0) {
      throw new InvalidInputException("confirmationWindow", "must be at most P365D");
    }
    return text;
  }

  @Transactional(readOnly = true)
  public Offer get(long id) {
    return offers.findById(id).orElseThrow(() -> new NotFoundException("offer", id));
  }

  @Transactional(readOnly = true)
  public List<Offer> all(boolean manualPaymentOnly) {
    return manualPaymentOnly
        ? offers.findAllByPaymentSystemKindOrderByIdAsc(PaymentSystemKind.MANUAL)
        : offers.findAllByOrderByIdAsc();
  }
}
