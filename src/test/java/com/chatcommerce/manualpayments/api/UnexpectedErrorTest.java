package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;

/**
 * An unforeseen exception leaves as the 500 problem the OpenAPI document promises, and says nothing
 * of itself.
 */
class UnexpectedErrorTest {

  private final ProblemHandler handler = new ProblemHandler();

  @Test
  void unforeseenExceptionIsA500ProblemWithoutItsMessage() throws Exception {
    ProblemDetail problem =
        handler.unexpected(new IllegalStateException("jdbc:mariadb://db-host secret"));

    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getTitle()).isEqualTo("Internal error");
    assertThat(problem.getDetail()).doesNotContain("secret").doesNotContain("db-host");
  }

  @Test
  void securityRefusalsStaySpringSecuritys() {
    assertThatThrownBy(() -> handler.unexpected(new AccessDeniedException("no")))
        .isInstanceOf(AccessDeniedException.class);
  }
}
