package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.paging.Cursors;
import java.time.Instant;

/**
 * An opaque keyset position: the sort key (submission time, or review deadline) and id of the last
 * order on a page. A cursor names its sort, so that it cannot continue a list sorted another way.
 */
record OrderCursor(OrderSort sort, Instant at, String orderId) {

  /** The position just after {@code last} in a list sorted by {@code sort}. */
  static OrderCursor after(OrderSort sort, Order last) {
    Instant at = sort == OrderSort.REVIEW_DEADLINE ? last.reviewDeadline() : last.submittedAt();
    return new OrderCursor(sort, at, last.id());
  }

  String encode() {
    return Cursors.ofTimeAndId(kind(sort), at, orderId);
  }

  /** {@code cursor} is not blank. */
  static OrderCursor decode(String cursor, OrderSort sort) {
    try {
      Cursors.TimeAndId position = Cursors.timeAndId(kind(sort), cursor);
      return new OrderCursor(sort, position.at(), position.id());
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "cursor", "is not a cursor this API returned for sort=" + sort.value());
    }
  }

  /** The newest-first list's cursors keep the format they had before the review queue existed. */
  private static String kind(OrderSort sort) {
    return sort == OrderSort.REVIEW_DEADLINE ? "deadline:" : "";
  }
}
