package com.chatcommerce.manualpayments.order;

import java.util.Optional;

/** The order read that every job of the process starts with. */
interface OrderLocking {

  /**
   * Reads the order with a row lock. On InnoDB a locking read also waits for a row that another
   * transaction inserted but has not committed yet, so a worker that runs before the API's
   * transaction commits waits for the order instead of missing it.
   */
  Optional<Order> findForUpdate(String id);
}
