package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.error.Problems;
import com.chatcommerce.manualpayments.error.TooLargeException;
import com.chatcommerce.manualpayments.money.MissingExchangeRateException;
import com.chatcommerce.manualpayments.process.EngineUnavailableException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.TransactionException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as application/problem+json; input errors name their field and the reason. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  static final int MAX_ERRORS = 50;

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return fieldProblem(e.field(), e.getMessage());
  }

  @ExceptionHandler(TooLargeException.class)
  ProblemDetail tooLarge(TooLargeException e) {
    return Problems.of(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "Request body too large",
        e.field() + " " + e.getMessage(),
        e.field(),
        e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return fieldProblem(
        e.getName(), "cannot be read from '" + InvalidInputException.excerpt(e.getValue()) + "'");
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
    return problem(
        HttpStatus.CONFLICT,
        "Changed concurrently",
        "the record changed while this request ran; read it again");
  }

  @ExceptionHandler(ExportSlots.Busy.class)
  ResponseEntity<ProblemDetail> exportsBusy(ExportSlots.Busy e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, "10")
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many exports", e.getMessage()));
  }

  @ExceptionHandler(MissingExchangeRateException.class)
  ProblemDetail missingRate(MissingExchangeRateException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Missing exchange rate", e.getMessage());
  }

  /** The database cannot be reached (or a connection broke): nothing was committed. */
  @ExceptionHandler({
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessResourceException.class
  })
  ProblemDetail databaseUnavailable(Exception e) {
    logger.warn("database unavailable: " + e.getMessage());
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Database unavailable",
        "nothing was changed; try again later");
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
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "the request failed; nothing was changed");
  }

  /**
   * A connection error (SQL state class 08), or a rollback that JDBC refused: the pool closes a
   * connection it saw break, and only a lost connection makes a rollback fail.
   */
  private static boolean connectionLost(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08")
          || cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Anything unforeseen leaves as a problem too, with nothing of the exception in it (the log has
   * it). Spring Security's own exceptions go on to its handlers: 401 and 403 stay theirs.
   */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) throws Exception {
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
      throw e;
    }
    logger.error("unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed unexpectedly");
  }

  @ExceptionHandler(EngineUnavailableException.class)
  ProblemDetail engineUnavailable(EngineUnavailableException e) {
    logger.warn(e.getMessage());
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Process engine unavailable",
        "nothing was changed; try again later");
  }

  /**
   * A body or query record that breaks its documented limits ({@code @Valid}), or query parameters
   * bound to a record (the order filters) that cannot be read: every field named.
   */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Problems.FieldFault> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldFault(error)));
    if (errors.isEmpty()) {
      return ResponseEntity.badRequest().body(fieldProblem("query", "cannot be read"));
    }
    return ResponseEntity.badRequest().body(fieldsProblem(errors));
  }

  /** Parameters and bodies that break their documented limits, checked before the method runs. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Problems.FieldFault> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors bean) {
        bean.getFieldErrors().forEach(error -> errors.add(fieldFault(error)));
      } else {
        String name = parameterName(result.getMethodParameter());
        result
            .getResolvableErrors()
            .forEach(
                error ->
                    errors.add(
                        new Problems.FieldFault(
                            name, withValue(error.getDefaultMessage(), result.getArgument()))));
      }
    }
    if (errors.isEmpty()) {
      return ResponseEntity.badRequest().body(fieldProblem("request", "is not valid"));
    }
    return ResponseEntity.badRequest().body(fieldsProblem(errors));
  }

  private static Problems.FieldFault fieldFault(FieldError error) {
    String reason =
        error.isBindingFailure()
            ? "cannot be read from '"
                + InvalidInputException.excerpt(error.getRejectedValue())
                + "'"
            : withValue(error.getDefaultMessage(), error.getRejectedValue());
    return new Problems.FieldFault(error.getField(), reason);
  }

  /** A text value is quoted by its start only, as every bad value is. */
  private static String withValue(String message, Object value) {
    return value instanceof CharSequence text
        ? message + ", got '" + InvalidInputException.excerpt(text.toString()) + "'"
        : String.valueOf(message);
  }

  /** The name the caller sent: a header's or a query parameter's, not the Java parameter's. */
  private static String parameterName(MethodParameter parameter) {
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.name().isEmpty()) {
      return header.name();
    }
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null && !path.name().isEmpty()) {
      return path.name();
    }
    return String.valueOf(parameter.getParameterName());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = "body";
    String reason = "is not valid JSON";
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      reason =
          mapping.getOriginalMessage().contains("Unrecognized field")
              ? "is not a known field"
              : "has the wrong type or format";
    } else if (e.getMessage() != null
        && e.getMessage().contains("Required request body is missing")) {
      reason = "is required";
    }
    return ResponseEntity.badRequest().body(fieldProblem(field, reason));
  }

  /** At most {@link #MAX_ERRORS} of them, the limit the OpenAPI document gives. */
  private static ProblemDetail fieldsProblem(List<Problems.FieldFault> errors) {
    List<Problems.FieldFault> shown = errors.subList(0, Math.min(errors.size(), MAX_ERRORS));
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "Invalid input",
        shown.stream()
            .map(error -> error.field() + " " + error.reason())
            .collect(Collectors.joining("; ")),
        shown);
  }

  private static ProblemDetail fieldProblem(String field, String reason) {
    return Problems.of(
        HttpStatus.BAD_REQUEST, "Invalid input", field + " " + reason, field, reason);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    return Problems.of(status, title, detail);
  }
}
