package com.chatcommerce.manualpayments.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderHistoryRepository extends JpaRepository<OrderHistoryEntry, Long> {

  List<OrderHistoryEntry> findByOrderIdOrderByIdAsc(String orderId);

  /** At most one row: (order, event, field) is the table's unique key. */
  @Query(
      "select e from OrderHistoryEntry e where e.orderId = :orderId and e.event = :event and e.field = :field")
  List<OrderHistoryEntry> findChange(
      @Param("orderId") String orderId,
      @Param("event") HistoryEvent event,
      @Param("field") String field);
}
