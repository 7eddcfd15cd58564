package com.chatcommerce.manualpayments.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The keyset-paging parameters every list takes: how many rows, and where the previous page ended.
 * A cursor continues only the list, filters and sort it came from.
 */
record PageParams(
    @Parameter(description = "How many rows, 1 to 100; 20 when absent.")
        @Min(1)
        @Max(ApiLimits.PAGE)
        Integer limit,
    @Parameter(description = "nextCursor of the previous page, with the same filters and sort.")
        @Size(max = ApiLimits.CURSOR)
        @Pattern(regexp = ApiLimits.CURSOR_PATTERN)
        String cursor) {

  private static final int DEFAULT_LIMIT = 20;

  int size() {
    return limit == null ? DEFAULT_LIMIT : limit;
  }
}
