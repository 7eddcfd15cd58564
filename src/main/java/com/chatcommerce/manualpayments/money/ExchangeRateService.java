package com.chatcommerce.manualpayments.money;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
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

  @Transactional(readOnly = true)
  public List<ExchangeRate> all() {
    return repository.findAllByOrderByPairFromAscPairToAsc();
  }
}
