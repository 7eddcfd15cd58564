package com.chatcommerce.manualpayments.crm;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CrmOrderLineRepository extends JpaRepository<CrmOrderLine, String> {

  List<CrmOrderLine> findByClientIdOrderByUpdatedAtDescOrderIdDesc(long clientId, Limit limit);

  @Query(
      """
      select o from CrmOrderLine o where o.clientId = :clientId
        and (o.updatedAt < :at or (o.updatedAt = :at and o.orderId < :orderId))
      order by o.updatedAt desc, o.orderId desc""")
  List<CrmOrderLine> findAfter(
      @Param("clientId") long clientId,
      @Param("at") Instant at,
      @Param("orderId") String orderId,
      Limit limit);
}
