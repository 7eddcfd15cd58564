package com.chatcommerce.manualpayments.paymentsystem;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentSystemImageRepository extends JpaRepository<PaymentSystemImage, Long> {

  /** The image's ETag, without its bytes. */
  @Query("select i.etag from PaymentSystemImage i where i.paymentSystemId = :id")
  Optional<String> findEtag(@Param("id") long id);
}
