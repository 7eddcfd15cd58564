package com.chatcommerce.manualpayments.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderHistoryRepository extends JpaRepository<OrderHistoryEntry, Long> {

  List<OrderHistoryEntry> findByOrderIdOrderByIdAsc(String orderId);
}
