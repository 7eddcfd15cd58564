package com.chatcommerce.manualpayments.offer;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferRepository extends JpaRepository<Offer, Long> {

  List<Offer> findAllByOrderByIdAsc();

  List<Offer> findAllByPaymentSystemKindOrderByIdAsc(PaymentSystemKind kind);
}
