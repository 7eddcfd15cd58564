package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.error.TooLargeException;
import com.chatcommerce.manualpayments.money.MissingExchangeRateException;
import com.chatcommerce.manualpayments.process.EngineUnavailableException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as application/problem+json; input errors name their field and the reason. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return fieldProblem(e.field(), e.getMessage());
  }

  @ExceptionHandler(TooLargeException.class)
  ProblemDetail tooLarge(TooLargeException e) {
    ProblemDetail problem = fieldProblem(e.field(), e.getMessage());
    problem.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
    problem.setTitle("Too large");
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return fieldProblem(e.getName(), "cannot be read from '" + InvalidInputException.excerpt(e.getValue()) + "'");
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict with the order's state", e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "Changed concurrently", "the record changed while this request ran; read it again");
  }

  @ExceptionHandler(ExportSlots.Busy.class)
  ResponseEntity<ProblemDetail> exportsBusy(ExportSlots.Busy e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "10")
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many exports", e.getMessage()));
  }

  @ExceptionHandler(MissingExchangeRateException.class)
  ProblemDetail missingRate(MissingExchangeRateException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Missing exchange rate", e.getMessage());
  }

  /** The database cannot be reached (or a connection broke): nothing was committed. */
  @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
      TransientDataAccessResourceException.class})
  ProblemDetail databaseUnavailable(Exception e) {
    logger.warn("database unavailable: " + e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "nothing was changed; try again later");
  }

  /**
   * A connection that broke in the middle of a transaction: the statement fails, and so does the
   * rollback on the same dead connection, which Hibernate reports as a system error. Nothing was
   * committed either way.
   */
  @ExceptionHandler(JpaSystemException.class)
  ProblemDetail jpaSystemError(JpaSystemException e) {
    if (connectionLost(e)) {
      return databaseUnavailable(e);
    }
    logger.error("unexpected persistence error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed; nothing was changed");
  }

  /**
   * A connection error (SQL state class 08), or a rollback that JDBC refused: the pool closes a
   * connection it saw break, and only a lost connection makes a rollback fail.
   */
  private static boolean connectionLost(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
          || cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(EngineUnavailableException.class)
  ProblemDetail engineUnavailable(EngineUnavailableException e) {
    logger.warn(e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Process engine unavailable", "nothing was changed; try again later");
  }

  /** Query parameters bound to a record (the order filters) that cannot be read. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldError error = e.getBindingResult().getFieldError();
    if (error == null) {
      return ResponseEntity.badRequest().body(fieldProblem("query", "cannot be read"));
    }
    return ResponseEntity.badRequest()
        .body(fieldProblem(error.getField(), "cannot be read from '" + InvalidInputException.excerpt(error.getRejectedValue()) + "'"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = "body";
    String reason = "is not valid JSON";
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      reason = mapping.getOriginalMessage().contains("Unrecognized field")
          ? "is not a known field"
          : "has the wrong type or format";
    } else if (e.getMessage() != null && e.getMessage().contains("Required request body is missing")) {
      reason = "is required";
    }
    return ResponseEntity.badRequest().body(fieldProblem(field, reason));
  }

  private static ProblemDetail fieldProblem(String field, String reason) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", field + " " + reason);
    problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
