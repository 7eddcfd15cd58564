package com.chatcommerce.manualpayments.money;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ExchangeRateService {

  private final ExchangeRateRepository repository;
  private final Clock clock;

  public ExchangeRateService(ExchangeRateRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** The rate to multiply by; exact, never rounded here. */
  @Transactional(readOnly = true)
  public BigDecimal rate(String from, String to) {
    if (from.equals(to)) {
      return BigDecimal.ONE;
    }
    return repository
        .findById(new ExchangeRate.Pair(from, to))
        .map(ExchangeRate::rate)
        .orElseThrow(() -> new MissingExchangeRateException(from, to));
  }

  @Transactional
  public ExchangeRate put(String from, String to, String rateText) {
    Currencies.requireIsoCode(from, "from");
    Currencies.requireIsoCode(to, "to");
    if (from.equals(to)) {
      throw new InvalidInputException("to", "a rate converts between two different currencies");
    }
    BigDecimal rate = Money.parseDecimal(rateText, "rate");
    if (rate.signum() <= 0) {
      throw new InvalidInputException("rate", "must be greater than 0");
    }
    if (rate.stripTrailingZeros().scale() > 10) {
      throw new InvalidInputException("rate", "has more than 10 decimals");
    }
    ExchangeRate.Pair pair = new ExchangeRate.Pair(from, to);
    ExchangeRate stored = repository.findById(pair).orElse(null);
    if (stored == null) {
      return repository.save(new ExchangeRate(from, to, rate, clock.instant()));
    }
    stored.update(rate, clock.instant());
    return stored;
  }

  @Transactional(readOnly = true)
  public ExchangeRate get(String from, String to) {
    return repository
        .findById(new ExchangeRate.Pair(from, to))
        .orElseThrow(() -> new NotFoundException("exchange rate", from + "/" + to));
  }

  /** The rates by their currency pair, from and then to, a keyset page at a time. */
  @Transactional(readOnly = true)
  public Page<ExchangeRate> find(int limit, String cursor) {
    Cursors.requireLimit(limit);
    Cursors.CurrencyPair after = Cursors.currencyPair(cursor);
    // Without a cursor, the page starts before every pair: the empty code sorts before any other.
    return Page.of(
        repository.findAfter(
            after == null ? "" : after.from(),
            after == null ? "" : after.to(),
            Limit.of(limit + 1)),
        limit,
        rate -> Cursors.ofCurrencyPair(rate.from(), rate.to()));
  }
}
