package com.chatcommerce.manualpayments.offer;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferRepository extends JpaRepository<Offer, Long> {

  /** With their payment systems in the same query, which each offer shows. */
  @EntityGraph(attributePaths = "paymentSystem")
  List<Offer> findAllByOrderByIdAsc();

  @EntityGraph(attributePaths = "paymentSystem")
  List<Offer> findAllByPaymentSystemKindOrderByIdAsc(PaymentSystemKind kind);
}
