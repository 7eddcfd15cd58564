package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** An opaque keyset position: the submission time and id of the last order on a page. */
record OrderCursor(Instant submittedAt, String orderId) {

  String encode() {
    String raw = submittedAt.getEpochSecond() + ":" + submittedAt.getNano() + ":" + orderId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static OrderCursor decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      return new OrderCursor(at, UUID.fromString(parts[2]).toString());
    } catch (RuntimeException e) {
      throw new InvalidInputException("cursor", "is not a cursor this API returned");
    }
  }
}
