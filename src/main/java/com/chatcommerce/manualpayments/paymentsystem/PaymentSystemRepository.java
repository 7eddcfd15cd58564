package com.chatcommerce.manualpayments.paymentsystem;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentSystemRepository extends JpaRepository<PaymentSystem, Long> {

  /** A keyset page of the payment systems, by id. */
  List<PaymentSystem> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);

  /** In SQL, so that payment systems need not know the order entity. */
  @Query(
      value = "SELECT COUNT(*) FROM orders WHERE payment_system_id = :id AND status = 'OPEN'",
      nativeQuery = true)
  long countOpenOrders(@Param("id") long id);
}
