package com.chatcommerce.manualpayments.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Problem+json answers, the same wherever they are made: in the API's exception handler, a servlet
 * filter or a security handler. Each has a title, a detail and, for an error of one or more fields,
 * {@code errors[]} naming each field and its reason.
 */
public final class Problems {

  private Problems() {}

  /** A problem without a field. */
  public static ProblemDetail of(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** A problem whose {@code errors[]} names the field at fault and the reason. */
  public static ProblemDetail of(
      HttpStatus status, String title, String detail, String field, String reason) {
    return of(status, title, detail, List.of(new FieldFault(field, reason)));
  }

  /** A problem whose {@code errors[]} names each field at fault and its reason. */
  public static ProblemDetail of(
      HttpStatus status, String title, String detail, List<FieldFault> errors) {
    ProblemDetail problem = of(status, title, detail);
    problem.setProperty("errors", errors);
    return problem;
  }

  /** One entry of a problem's {@code errors[]}. */
  public record FieldFault(String field, String reason) {}

  /** Writes the whole answer, with its length, and sends it at once. */
  public static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(problem);
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
