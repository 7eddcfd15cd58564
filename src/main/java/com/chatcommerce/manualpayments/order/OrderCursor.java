package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position: the sort key (submission time, or review deadline) and id of the last
 * order on a page. A cursor names its sort, so that it cannot continue a list sorted another way.
 */
record OrderCursor(OrderSort sort, Instant at, String orderId) {

  private static final String DEADLINE = "deadline";

  String encode() {
    String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + orderId;
    if (sort == OrderSort.REVIEW_DEADLINE) {
      raw = DEADLINE + ":" + raw;
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static OrderCursor decode(String cursor, OrderSort sort) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (sort == OrderSort.REVIEW_DEADLINE) {
        if (!raw.startsWith(DEADLINE + ":")) {
          throw new IllegalArgumentException("not a review-deadline cursor");
        }
        raw = raw.substring(DEADLINE.length() + 1);
      }
      String[] parts = raw.split(":", 3);
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      return new OrderCursor(sort, at, UUID.fromString(parts[2]).toString());
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          "cursor", "is not a cursor this API returned for sort=" + sort.value());
    }
  }
}
