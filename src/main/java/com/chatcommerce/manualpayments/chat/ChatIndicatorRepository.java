package com.chatcommerce.manualpayments.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatIndicatorRepository extends JpaRepository<ChatIndicator, Long> {

  Optional<ChatIndicator> findByOrderIdAndStatus(String orderId, String status);

  List<ChatIndicator> findByClientIdOrderByIdAsc(long clientId);
}
