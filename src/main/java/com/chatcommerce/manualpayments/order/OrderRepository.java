package com.chatcommerce.manualpayments.order;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderRepository extends JpaRepository<Order, String>, OrderLocking {

  /**
   * One read instead of loading the client, the offer and the payment system as entities, which the
   * review's first job paid for in CPU on every order. The currencies are the order's own terms.
   */
  @Query(
      "select new com.chatcommerce.manualpayments.order.ReviewDetails(c.name, f.name, o.termsSupportedCurrencies)"
          + " from Order o, Client c, Offer f"
          + " where o.id = :id and c.id = o.clientId and f.id = o.offerId")
  Optional<ReviewDetails> reviewDetails(@Param("id") String id);

  /** An order with its offer's name, in one read: what a chat indicator shows of it. */
  @Query(
      "select new com.chatcommerce.manualpayments.order.OrderRepository$NamedOrder(o, f.name)"
          + " from Order o, Offer f where o.id = :id and f.id = o.offerId")
  Optional<NamedOrder> findWithOfferName(@Param("id") String id);

  record NamedOrder(Order order, String offerName) {}
}
