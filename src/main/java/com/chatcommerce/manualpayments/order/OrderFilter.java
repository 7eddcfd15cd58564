package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.time.Instant;

/**
 * Which orders a list or an export shows. Null fields do not filter. {@code submittedBy} restricts
 * a platform account to the orders it submitted; the submitted-at range is [from, to), and {@code
 * deadlineBefore} keeps orders whose review deadline is before it.
 */
public record OrderFilter(
    OrderStatus status,
    Long clientId,
    Long offerId,
    OrderSource source,
    Instant submittedFrom,
    Instant submittedTo,
    Instant deadlineBefore,
    String submittedBy) {

  public OrderFilter {
    if (submittedFrom != null && submittedTo != null && !submittedFrom.isBefore(submittedTo)) {
      throw new InvalidInputException("submittedTo", "must be after submittedFrom");
    }
  }
}
