package com.chatcommerce.manualpayments.order;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderDecisionRepository extends JpaRepository<OrderDecision, String> {}
