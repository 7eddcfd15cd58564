package com.chatcommerce.manualpayments.security;

import com.chatcommerce.manualpayments.error.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, like every other error of the API. */
final class ProblemAuthenticationHandlers {

  private ProblemAuthenticationHandlers() {}

  static AuthenticationEntryPoint unauthorized(ObjectMapper json, String challenge) {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", challenge);
      write(
          json,
          response,
          HttpStatus.UNAUTHORIZED,
          "Authentication required",
          "send credentials: " + challenge.split(" ")[0]);
    };
  }

  static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, e) ->
        write(json, response, HttpStatus.FORBIDDEN, "Forbidden", "your role may not do this");
  }

  private static void write(
      ObjectMapper json,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    Problems.write(json, response, Problems.of(status, title, detail));
  }
}
