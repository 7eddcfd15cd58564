package com.chatcommerce.manualpayments.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A small HTTP client for API tests: never throws on an error status, always returns the body. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient http;

  public Api(int port) {
    this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
  }

  public record Response(int status, String contentType, JsonNode body) {
    public String text(String field) {
      return body.path(field).asText();
    }
  }

  public Response get(String path) {
    return send(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON_VALUE);
  }

  public Response post(String path, String json) {
    return send(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON_VALUE);
  }

  public Response put(String path, String json) {
    return send(HttpMethod.PUT, path, json, MediaType.APPLICATION_JSON_VALUE);
  }

  public Response send(HttpMethod method, String path, String body, String contentType) {
    RestClient.RequestBodySpec request = http.method(method).uri(path);
    if (body != null) {
      request.contentType(MediaType.parseMediaType(contentType)).body(body);
    }
    return request.exchange(
        (req, res) -> {
          byte[] bytes = res.getBody().readAllBytes();
          String type = res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString();
          return new Response(res.getStatusCode().value(), type, parse(bytes));
        });
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quotes a value as a JSON string. */
  public static String q(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
