package com.chatcommerce.manualpayments.paymentsystem;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentSystemRepository extends JpaRepository<PaymentSystem, Long> {}
