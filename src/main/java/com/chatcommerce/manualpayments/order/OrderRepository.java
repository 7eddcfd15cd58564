package com.chatcommerce.manualpayments.order;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderRepository
    extends JpaRepository<Order, String>, JpaSpecificationExecutor<Order>, OrderLocking {

  /**
   * One read instead of loading the client, the offer and the payment system as entities, which
   * the review's first job paid for in CPU on every order.
   */
  @Query(
      "select new com.chatcommerce.manualpayments.order.ReviewDetails(c.name, f.name, ps.supportedCurrencies)"
          + " from Order o, Client c, Offer f, PaymentSystem ps"
          + " where o.id = :id and c.id = o.clientId and f.id = o.offerId and ps.id = o.paymentSystemId")
  Optional<ReviewDetails> reviewDetails(@Param("id") String id);

  /**
   * Marks that a decision or refund was forwarded to the process, in one atomic statement, so that of
   * two racing requests exactly one wins. Returns 0 when the order is not in one of {@code statuses}
   * or already has a pending action.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update Order o set o.pendingAction = :action, o.version = o.version + 1"
          + " where o.id = :id and o.status in :statuses and o.pendingAction is null")
  int claimPendingAction(
      @Param("id") String id,
      @Param("action") String action,
      @Param("statuses") Collection<OrderStatus> statuses);
}
