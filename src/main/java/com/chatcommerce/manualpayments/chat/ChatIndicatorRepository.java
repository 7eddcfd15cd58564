package com.chatcommerce.manualpayments.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChatIndicatorRepository extends JpaRepository<ChatIndicator, Long> {

  /**
   * Every chat job runs this lookup. Written as JPQL because Hibernate caches a string query's
   * translation to SQL, while a derived query is rebuilt and translated on every call (a third of
   * the chat worker's CPU).
   */
  @Query("select i from ChatIndicator i where i.orderId = :orderId and i.status = :status")
  Optional<ChatIndicator> findByOrderIdAndStatus(@Param("orderId") String orderId, @Param("status") String status);

  List<ChatIndicator> findByClientIdOrderByIdAsc(long clientId);
}
