package com.chatcommerce.manualpayments.paymentsystem;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentSystemImageRepository extends JpaRepository<PaymentSystemImage, Long> {}
