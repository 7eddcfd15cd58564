package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.error.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers, as problem+json, the errors no handler of ours answered: those sent before Spring MVC
 * runs, such as a URL that Spring Security's firewall refuses ({@code //}, {@code ;}, an encoded
 * dot or line break). Spring Boot's own error page would answer them with a JSON of another shape.
 * Nothing of the request is quoted back. Not an operation of the API, so not in its document.
 */
@Hidden
@RestController
class ErrorPageController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request);
    String detail =
        status == HttpStatus.BAD_REQUEST
            ? "the request's URL or headers are not accepted"
            : status.getReasonPhrase();
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, status.getReasonPhrase(), detail));
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
