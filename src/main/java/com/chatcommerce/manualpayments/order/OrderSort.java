package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.error.InvalidInputException;

/** The orders a list shows first. */
public enum OrderSort {
  /** Newest submission first: Orders & sales. */
  SUBMITTED_AT("submittedAt"),
  /** Soonest review deadline first: the review queue. */
  REVIEW_DEADLINE("reviewDeadline");

  private final String value;

  OrderSort(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The {@code sort} query parameter; none means newest first. */
  public static OrderSort of(String value) {
    if (value == null || value.isBlank()) {
      return SUBMITTED_AT;
    }
    for (OrderSort sort : values()) {
      if (sort.value.equals(value)) {
        return sort;
      }
    }
    throw new InvalidInputException(
        "sort", "must be submittedAt or reviewDeadline, got '" + value + "'");
  }
}
