package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.CashDeskApiTest;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §6a: what the client's pay window reads through the platform, and the payment system's
 * image.
 */
@IntegrationTest
class PayWindowTest extends CashDeskApiTest {

  private static final byte[] PNG =
      bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 64);
  private static final byte[] JPEG =
      bytes(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, 64);
  private static final byte[] WEBP =
      bytes("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);

  private final HttpClient http = HttpClient.newHttpClient();
  private long offer;

  @BeforeEach
  void setUp() {
    offer = fixtures.offer(paymentSystem, "1500.00", "RUB", "P7D");
  }

  @Test
  void platformReadsOffersWithWhatThePayWindowShowsAndNothingOfThePaymentSystemsTerms() {
    Api platform = Api.as(port, "platform");

    JsonNode shown = platform.get("/api/v1/offers/" + offer).body();

    assertThat(shown.get("name").asText()).isEqualTo("Yoga course");
    assertThat(shown.get("price").toString())
        .isEqualTo("{\"amount\":\"1500.00\",\"currency\":\"RUB\"}");
    assertThat(shown.get("confirmationWindow").asText()).isEqualTo("P7D");
    JsonNode face = shown.get("paymentSystem");
    assertThat(face.get("id").asLong()).isEqualTo(paymentSystem);
    assertThat(face.get("name").asText()).isEqualTo("Cash desk");
    assertThat(face.get("commentHint").asText()).isEqualTo("Write the card number you paid from");
    assertThat(face.has("description")).isTrue();
    assertThat(face.has("imageUrl")).isTrue();
    assertThat(face.has("commissionPercent")).isFalse();
    assertThat(platform.everyItem("/api/v1/offers?manualPayment=true", "offers"))
        .extracting(listed -> listed.get("id").asLong())
        .contains(offer);
  }

  @Test
  void uploadedImageIsServedWithItsTypeAndETagAndTheImageUrlPointsThere() throws Exception {
    HttpResponse<byte[]> uploaded = upload(paymentSystem, "image/png", PNG);

    assertThat(uploaded.statusCode())
        .as(new String(uploaded.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    String imageUrl = "/api/v1/payment-systems/" + paymentSystem + "/image";
    assertThat(api.get("/api/v1/payment-systems/" + paymentSystem).text("imageUrl"))
        .isEqualTo(imageUrl);
    assertThat(
            Api.as(port, "platform")
                .get("/api/v1/offers/" + offer)
                .body()
                .get("paymentSystem")
                .get("imageUrl")
                .asText())
        .isEqualTo(imageUrl);

    HttpResponse<byte[]> served = get(imageUrl, null);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.body()).isEqualTo(PNG);
    String etag = served.headers().firstValue("ETag").orElseThrow();
    assertThat(get(imageUrl, etag).statusCode()).isEqualTo(304);

    assertThat(upload(paymentSystem, "image/webp", WEBP).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> replaced = get(imageUrl, etag);
    assertThat(replaced.statusCode()).as("a new image has a new tag").isEqualTo(200);
    assertThat(replaced.headers().firstValue("Content-Type")).hasValue("image/webp");
    assertThat(upload(paymentSystem, "image/jpeg", JPEG).statusCode()).isEqualTo(200);
    assertThat(get(imageUrl, null).headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(
            api.put(
                    "/api/v1/payment-systems/" + paymentSystem,
                    """
        {"name":"Cash desk","commissionPercent":"2.5","accountCurrency":"RUB","transactionCurrency":"RUB",
         "supportedCurrencies":["RUB"],"imageUrl":"%s"}"""
                        .formatted(imageUrl))
                .status())
        .as("an edit may keep showing the uploaded image")
        .isEqualTo(200);
  }

  @Test
  void imageIsCheckedByItsContentAndItsSizeAndChangesNothingWhenRefused() throws Exception {
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
            .getBytes(StandardCharsets.UTF_8);

    assertRefused(upload(paymentSystem, "image/png", svg), 400, "image");
    assertRefused(upload(paymentSystem, "image/jpeg", PNG), 400, "image");
    assertRefused(upload(paymentSystem, "image/png", new byte[0]), 400, "image");
    assertRefused(upload(paymentSystem, "image/png", bytes(PNG, 1024 * 1024 + 1)), 413, "image");
    assertThat(
            upload(paymentSystem, "image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII))
                .statusCode())
        .isEqualTo(415);
    assertThat(upload(999_999_999L, "image/png", PNG).statusCode()).isEqualTo(404);

    assertThat(get("/api/v1/payment-systems/" + paymentSystem + "/image", null).statusCode())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/payment-systems/" + paymentSystem).body().hasNonNull("imageUrl"))
        .isFalse();
    assertThat(upload(paymentSystem, "image/png", bytes(PNG, 1024 * 1024)).statusCode())
        .as("1 MiB exactly")
        .isEqualTo(200);
  }

  @Test
  void onlyAManagerUploadsAnImage() throws Exception {
    HttpResponse<byte[]> platform =
        send(
            HttpRequest.newBuilder(uri("/api/v1/payment-systems/" + paymentSystem + "/image"))
                .header("Authorization", basic("platform"))
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PNG))
                .build());

    assertThat(platform.statusCode()).isEqualTo(403);
  }

  @Test
  void typedInImageUrlMustBeHttps() {
    for (String link :
        new String[] {
          "javascript:alert(1)",
          "http://cdn.example.com/a.png",
          "data:image/png;base64,AA",
          "https://",
          "/api/v1/payment-systems/" + paymentSystem + "/image"
        }) {
      Api.Response refused = api.post("/api/v1/payment-systems", paymentSystemWithImage(link));
      assertThat(refused.status()).as(link).isEqualTo(400);
      assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("imageUrl");
    }
    Api.Response edit =
        api.put(
            "/api/v1/payment-systems/" + paymentSystem,
            paymentSystemWithImage("javascript:alert(1)"));
    assertThat(edit.status()).isEqualTo(400);

    Api.Response created =
        api.post(
            "/api/v1/payment-systems", paymentSystemWithImage("https://cdn.example.com/a.png"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("imageUrl")).isEqualTo("https://cdn.example.com/a.png");
  }

  private static String paymentSystemWithImage(String imageUrl) {
    return """
        {"name":"Cash desk","commissionPercent":"2.5","accountCurrency":"RUB","transactionCurrency":"RUB",
         "supportedCurrencies":["RUB"],"imageUrl":%s}"""
        .formatted(Api.q(imageUrl));
  }

  private static void assertRefused(HttpResponse<byte[]> response, int status, String field)
      throws IOException {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
  }

  private HttpResponse<byte[]> upload(long paymentSystem, String type, byte[] content)
      throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/payment-systems/" + paymentSystem + "/image"))
            .header("Authorization", basic("manager"))
            .header("Content-Type", type)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
            .build());
  }

  /** As the platform, which reads the image for the pay window. */
  private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Authorization", basic("platform"));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return send(request.GET().build());
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
  }

  /** {@code start} followed by zeros up to {@code length} bytes. */
  private static byte[] bytes(byte[] start, int length) {
    return Arrays.copyOf(start, length);
  }
}
