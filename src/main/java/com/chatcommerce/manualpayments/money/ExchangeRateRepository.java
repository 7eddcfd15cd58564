package com.chatcommerce.manualpayments.money;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ExchangeRateRepository extends JpaRepository<ExchangeRate, ExchangeRate.Pair> {

  /**
   * A keyset page of the rates after the pair {@code from}/{@code to}, by their primary key
   * (from_currency, to_currency), which serves both the order and the range.
   */
  @Query(
      "select r from ExchangeRate r where r.pair.from > :from"
          + " or (r.pair.from = :from and r.pair.to > :to) order by r.pair.from, r.pair.to")
  List<ExchangeRate> findAfter(@Param("from") String from, @Param("to") String to, Limit limit);
}
