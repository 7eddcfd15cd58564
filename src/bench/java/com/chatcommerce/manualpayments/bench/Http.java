package com.chatcommerce.manualpayments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP/1.1 client of the API, as one demo user of the embedded run. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final String baseUrl;
  private final String authorization;

  Http(HttpClient client, String baseUrl, String authorization) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), null);
  }

  Response post(String path, String json, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(request, idempotencyKey);
  }

  private Response send(HttpRequest.Builder request, String idempotencyKey)
      throws IOException, InterruptedException {
    request.header("Authorization", authorization).timeout(Duration.ofSeconds(60));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }

  /** Posts and returns the created resource's {@code id}, failing on anything but 201. */
  String create(String path, String json) throws IOException, InterruptedException {
    Response response = post(path, json, null);
    if (response.status() != 201) {
      throw new IllegalStateException(
          "POST " + path + " gave " + response.status() + ": " + response.body());
    }
    return response.json().get("id").asText();
  }
}
