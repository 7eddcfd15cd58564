package com.chatcommerce.manualpayments.offer;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferRepository extends JpaRepository<Offer, Long> {

  /** A keyset page by id, with the payment systems in the same query, which each offer shows. */
  @EntityGraph(attributePaths = "paymentSystem")
  List<Offer> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);

  /** The same page of the offers whose payment system is of that kind. */
  @EntityGraph(attributePaths = "paymentSystem")
  List<Offer> findByPaymentSystemKindAndIdGreaterThanOrderByIdAsc(
      PaymentSystemKind kind, long after, Limit limit);
}
