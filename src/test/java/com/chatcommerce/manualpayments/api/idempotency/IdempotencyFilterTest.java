package com.chatcommerce.manualpayments.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

/**
 * The filter's answer when the database goes away in the middle of a keyed request, with a fake
 * store and transaction manager: the failures are made exactly where a real outage can make them.
 */
class IdempotencyFilterTest {

  @Test
  void databaseLostWhileTheKeyIsClaimedIs503EvenWhenTheRollbackFailsToo() throws Exception {
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    TransactionStatus tx = mock(TransactionStatus.class);
    when(transactions.getTransaction(any())).thenReturn(tx);
    // What JPA reports when the connection it would roll back on is gone.
    doThrow(
            new JpaSystemException(
                new IllegalStateException("Unable to rollback against JDBC Connection")))
        .when(transactions)
        .rollback(tx);
    IdempotencyStore store = mock(IdempotencyStore.class);
    when(store.claim(any(), any(), any()))
        .thenThrow(new DataAccessResourceFailureException("connection refused"));
    IdempotencyFilter filter =
        new IdempotencyFilter(
            store,
            transactions,
            Jackson2ObjectMapperBuilder.json().build(),
            Duration.ofSeconds(15));
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/orders");
    request.addHeader(IdempotencyFilter.HEADER, "submission-1");
    request.setContentType("application/json");
    request.setContent("{}".getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, new MockFilterChain());

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("Database unavailable");
  }
}
