package com.chatcommerce.manualpayments.paymentsystem;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentSystemRepository extends JpaRepository<PaymentSystem, Long> {

  /** In SQL, so that payment systems need not know the order entity. */
  @Query(
      value = "SELECT COUNT(*) FROM orders WHERE payment_system_id = :id AND status = 'OPEN'",
      nativeQuery = true)
  long countOpenOrders(@Param("id") long id);
}
