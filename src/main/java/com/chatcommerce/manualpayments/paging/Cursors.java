package com.chatcommerce.manualpayments.paging;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors for every list: the key of a page's last row, so that a page costs the same
 * however deep it is. The orders' lists, which are sorted more than one way, add a kind to theirs.
 * Callers pass them back unread; anything else is refused as {@code cursor}.
 */
public final class Cursors {

  public static final int MAX_LIMIT = 100;

  private Cursors() {}

  public static void requireLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  public static String ofId(long id) {
    return encode(Long.toString(id));
  }

  /** The id after which the next page starts; 0 (before every id) without a cursor. */
  public static long idAfter(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(decode(cursor));
    } catch (RuntimeException e) {
      throw notACursor();
    }
  }

  /** A position in a list ordered by a time and then a text id, as {@link #timeAndId} reads it. */
  public static String ofTimeAndId(Instant at, String id) {
    return ofTimeAndId("", at, id);
  }

  /**
   * The same, in a list of the given {@code kind} (a prefix such as {@code "deadline:"}): a cursor
   * of one kind is refused by a list of another.
   */
  public static String ofTimeAndId(String kind, Instant at, String id) {
    return encode(kind + at.getEpochSecond() + ":" + at.getNano() + ":" + id);
  }

  public record TimeAndId(Instant at, String id) {}

  /** Null without a cursor. Ids are UUIDs, as the orders' are. */
  public static TimeAndId timeAndId(String cursor) {
    return timeAndId("", cursor);
  }

  /** Null without a cursor; refused unless it was made for a list of this {@code kind}. */
  public static TimeAndId timeAndId(String kind, String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String raw = decode(cursor);
      if (!raw.startsWith(kind)) {
        throw notACursor();
      }
      String[] parts = raw.substring(kind.length()).split(":", 3);
      return new TimeAndId(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
          UUID.fromString(parts[2]).toString());
    } catch (RuntimeException e) {
      throw notACursor();
    }
  }

  /** A position in a list ordered by two currency codes, as {@link #currencyPair} reads it. */
  public static String ofCurrencyPair(String from, String to) {
    return encode(from + ">" + to);
  }

  public record CurrencyPair(String from, String to) {}

  /** Null without a cursor. */
  public static CurrencyPair currencyPair(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    String raw;
    try {
      raw = decode(cursor);
    } catch (RuntimeException e) {
      throw notACursor();
    }
    if (!raw.matches("[A-Z]{3}>[A-Z]{3}")) {
      throw notACursor();
    }
    return new CurrencyPair(raw.substring(0, 3), raw.substring(4));
  }

  private static String encode(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
  }

  private static InvalidInputException notACursor() {
    return new InvalidInputException("cursor", "is not a cursor this API returned");
  }
}
