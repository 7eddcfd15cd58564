package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The rules for the two order fields people type: the payment date and a comment. A submission, a
 * manager's correction and a refund apply them alike.
 */
public final class OrderFields {

  public static final int COMMENT_LIMIT = 1000;

  private OrderFields() {}

  /** An ISO date with a four-digit year, or {@code whenMissing} when none is given. */
  static LocalDate paymentDate(String text, LocalDate whenMissing) {
    if (text == null || text.isBlank()) {
      return whenMissing;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.getYear() < 1000 || date.getYear() > 9999) {
        throw new InvalidInputException("paymentDate", "year must have four digits");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "paymentDate",
          "must be a date as YYYY-MM-DD, got '" + InvalidInputException.excerpt(text) + "'");
    }
  }

  /** A comment of at most {@link #COMMENT_LIMIT} characters; a blank one is none. */
  static String comment(String comment) {
    if (comment != null && comment.length() > COMMENT_LIMIT) {
      throw new InvalidInputException("comment", "is longer than " + COMMENT_LIMIT + " characters");
    }
    return comment == null || comment.isBlank() ? null : comment;
  }
}
