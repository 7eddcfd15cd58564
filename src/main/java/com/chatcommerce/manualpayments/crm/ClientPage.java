package com.chatcommerce.manualpayments.crm;

import java.util.List;

/** One page of clients by id; {@code nextCursor} is null on the last page. */
public record ClientPage(List<Client> clients, String nextCursor) {}
