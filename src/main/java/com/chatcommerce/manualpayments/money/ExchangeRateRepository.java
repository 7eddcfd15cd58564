package com.chatcommerce.manualpayments.money;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExchangeRateRepository extends JpaRepository<ExchangeRate, ExchangeRate.Pair> {

  List<ExchangeRate> findAllByOrderByPairFromAscPairToAsc();
}
