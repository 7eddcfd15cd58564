package com.chatcommerce.manualpayments.order;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/**
 * A lookup by id through Hibernate's entity loader rather than a query: the same {@code select ...
 * for update}, without building a query object on every call, which was most of a decision job's
 * CPU.
 */
class OrderLockingImpl implements OrderLocking {

  private final EntityManager entityManager;

  OrderLockingImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Order> findForUpdate(String id) {
    return Optional.ofNullable(entityManager.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE));
  }
}
