package com.chatcommerce.manualpayments.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChatIndicatorRepository extends JpaRepository<ChatIndicator, Long> {

  /**
   * Every chat job runs this lookup. Written as JPQL because Hibernate caches a string query's
   * translation to SQL, while a derived query is rebuilt and translated on every call (a third of
   * the chat worker's CPU). Read as a list: for an Optional, Spring Data lets Hibernate throw a
   * NoResultException, with its stack trace, on every first post of an indicator.
   */
  @Query("select i from ChatIndicator i where i.orderId = :orderId and i.status = :status")
  List<ChatIndicator> findPosted(@Param("orderId") String orderId, @Param("status") String status);

  /** The unique key (order, status) allows at most one. */
  default Optional<ChatIndicator> findByOrderIdAndStatus(String orderId, String status) {
    return findPosted(orderId, status).stream().findFirst();
  }

  List<ChatIndicator> findByClientIdAndIdGreaterThanOrderByIdAsc(
      long clientId, long after, Limit limit);
}
