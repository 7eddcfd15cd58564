package com.chatcommerce.manualpayments.offer;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.error.TextRules;
import com.chatcommerce.manualpayments.money.Money;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OfferService {

  /** spec §2: the time to confirm payment defaults to 30 days. */
  public static final String DEFAULT_CONFIRMATION_WINDOW = "P30D";

  private static final Duration LONGEST_CONFIRMATION_WINDOW = Duration.ofDays(365);

  private final OfferRepository offers;
  private final PaymentSystemRepository paymentSystems;
  private final Clock clock;

  public OfferService(OfferRepository offers, PaymentSystemRepository paymentSystems, Clock clock) {
    this.offers = offers;
    this.paymentSystems = paymentSystems;
    this.clock = clock;
  }

  @Transactional
  public Offer create(OfferDraft draft) {
    Valid offer = validate(draft);
    return offers.save(
        new Offer(
            offer.name(), offer.price(), offer.paymentSystem(), offer.window(), clock.instant()));
  }

  /**
   * Changes the offer for the orders submitted from now on: an open order keeps the price, the
   * payment system's terms and the deadline it was submitted with.
   */
  @Transactional
  public Offer update(long id, OfferDraft draft) {
    Valid valid = validate(draft);
    Offer offer = get(id);
    offer.apply(valid.name(), valid.price(), valid.paymentSystem(), valid.window());
    return offer;
  }

  private record Valid(String name, Money price, PaymentSystem paymentSystem, String window) {}

  private Valid validate(OfferDraft draft) {
    TextRules.name(draft.name(), "name");
    Money price = Money.parsePositive(draft.priceAmount(), draft.priceCurrency(), "price");
    if (draft.paymentSystemId() == null) {
      throw new InvalidInputException("paymentSystemId", "is required");
    }
    PaymentSystem paymentSystem =
        paymentSystems
            .findById(draft.paymentSystemId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "paymentSystemId",
                        "payment system " + draft.paymentSystemId() + " does not exist"));
    return new Valid(
        draft.name(), price, paymentSystem, confirmationWindow(draft.confirmationWindow()));
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
          "confirmationWindow",
          "must be an ISO-8601 duration such as P30D or PT12H, got '"
              + InvalidInputException.excerpt(text)
              + "'");
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

  /**
   * The offers in the order they were created, a keyset page at a time; with {@code
   * manualPaymentOnly}, only those of manual payment systems.
   */
  @Transactional(readOnly = true)
  public Page<Offer> find(boolean manualPaymentOnly, int limit, String cursor) {
    Cursors.requireLimit(limit);
    long after = Cursors.idAfter(cursor);
    Limit onePast = Limit.of(limit + 1);
    List<Offer> found =
        manualPaymentOnly
            ? offers.findByPaymentSystemKindAndIdGreaterThanOrderByIdAsc(
                PaymentSystemKind.MANUAL, after, onePast)
            : offers.findByIdGreaterThanOrderByIdAsc(after, onePast);
    return Page.of(found, limit, offer -> Cursors.ofId(offer.id()));
  }
}
