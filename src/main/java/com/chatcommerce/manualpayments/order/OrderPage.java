package com.chatcommerce.manualpayments.order;

import java.util.List;

/** One page of orders in the list's order; {@code nextCursor} is null on the last page. */
public record OrderPage(List<ListedOrder> orders, String nextCursor) {}
