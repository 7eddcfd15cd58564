package com.chatcommerce.manualpayments.paging;

import java.util.List;
import java.util.function.Function;

/** One keyset page; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * The page of {@code found}, which was read with one row more than {@code limit}: that extra row
   * only tells that there is a next page, whose cursor is made from the page's last item.
   */
  public static <T> Page<T> of(List<T> found, int limit, Function<T, String> cursorOf) {
    if (found.size() <= limit) {
      return new Page<>(List.copyOf(found), null);
    }
    List<T> page = List.copyOf(found.subList(0, limit));
    return new Page<>(page, cursorOf.apply(page.get(limit - 1)));
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
