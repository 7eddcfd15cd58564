package com.chatcommerce.manualpayments.api.limits;

import com.chatcommerce.manualpayments.error.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code manual-payments.max-request-body} with 413 before
 * anything else sees it: at once when its Content-Length says so, otherwise (a chunked body) at the
 * first byte past the limit, read into a buffer here. The API's bodies are small JSON documents; a
 * large one could only cost memory and CPU, and would be kept whole for an Idempotency-Key's
 * fingerprint. The connection is closed after the answer, so the rest of the body is never read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final int limit;
  private final ObjectMapper json;

  RequestBodyLimitFilter(
      @Value("${manual-payments.max-request-body}") DataSize limit, ObjectMapper json) {
    this.limit = Math.toIntExact(limit.toBytes());
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isImage(request)) {
      chain.doFilter(request, response);
      return;
    }
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response);
      return;
    }
    if (declared == 0 || declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      tooLarge(response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  /**
   * An image is uploaded as the body itself, and its endpoint reads it stopping one byte past its
   * own, larger limit (a payment system's picture: 1 MiB). Sent to any other endpoint, an image
   * body is refused as an unsupported media type before it is read.
   */
  private static boolean isImage(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.regionMatches(true, 0, "image/", 0, "image/".length());
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    String reason = "is larger than " + limit + " bytes";
    // Closing the connection is what spares the server the rest of the body.
    response.setHeader(HttpHeaders.CONNECTION, "close");
    Problems.write(
        json,
        response,
        Problems.of(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "Request body too large",
            "body " + reason,
            "body",
            reason));
  }
}
