package com.chatcommerce.manualpayments.order;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The exchange rates an order was priced at, by currency pair, kept on the order as {@code
 * FROM>TO=rate} pairs separated by commas. A pair in one currency is never kept: its rate is 1.
 */
public record RatesUsed(Map<String, BigDecimal> byPair) {

  public static final RatesUsed NONE = new RatesUsed(Map.of());

  public RatesUsed {
    byPair = Collections.unmodifiableMap(new LinkedHashMap<>(byPair));
  }

  public Optional<BigDecimal> rate(String from, String to) {
    return Optional.ofNullable(byPair.get(key(from, to)));
  }

  static String key(String from, String to) {
    return from + ">" + to;
  }

  static RatesUsed parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    Map<String, BigDecimal> pairs = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      String[] keyAndRate = pair.split("=");
      pairs.put(keyAndRate[0], new BigDecimal(keyAndRate[1]));
    }
    return new RatesUsed(pairs);
  }

  String text() {
    return byPair.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().toPlainString())
        .collect(Collectors.joining(","));
  }
}
