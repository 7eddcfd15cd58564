package com.chatcommerce.manualpayments.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.process.IncidentException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook as the platform receives it, against a real HTTP server. */
class PlatformWebhookTest {

  /** The Standard Webhooks reference implementations' test vector. */
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final String BODY =
      "{\"type\":\"order.status_changed\",\"indicatorText\":\"Открыто\"}";

  private final WireMockServer platform =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  @BeforeEach
  void start() {
    platform.start();
  }

  @AfterEach
  void stop() {
    platform.stop();
  }

  @Test
  void signatureReproducesTheStandardWebhooksTestVector() {
    PlatformWebhook webhook = webhook("http://127.0.0.1:1/", SPEC_SECRET, Duration.ofSeconds(1));

    assertThat(
            webhook.signature(
                "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void deliveryCarriesTheStableIdTheTimestampAndASignatureOverTheExactBody() throws Exception {
    platform.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));

    webhook(platform.url("/hooks"), SPEC_SECRET, Duration.ofSeconds(5)).deliver(indicator());

    LoggedRequest request = platform.findAll(postRequestedFor(urlEqualTo("/hooks"))).getFirst();
    assertThat(request.getHeader("webhook-id"))
        .isEqualTo("order_7d1f0c2e-0000-4000-8000-000000000001_approved");
    assertThat(request.getHeader("webhook-timestamp"))
        .isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.getHeader("content-type")).startsWith("application/json");
    assertThat(request.getBodyAsString()).isEqualTo(BODY);
    String signed =
        request.getHeader("webhook-id")
            + "."
            + request.getHeader("webhook-timestamp")
            + "."
            + request.getBodyAsString();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(SPEC_SECRET.substring("whsec_".length())), "HmacSHA256"));
    assertThat(request.getHeader("webhook-signature"))
        .isEqualTo(
            "v1,"
                + Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503, 408, 429})
  void answersThePlatformMayGetOverFailTheJobForARetry(int status) {
    platform.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(
            () ->
                webhook(platform.url("/hooks"), SPEC_SECRET, Duration.ofSeconds(5))
                    .deliver(indicator()))
        .isInstanceOf(PlatformWebhook.PlatformUnavailableException.class)
        .hasMessageContaining("answered " + status);
  }

  @Test
  void aTimeoutFailsTheJobForARetry() {
    platform.stubFor(
        post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204).withFixedDelay(2_000)));

    assertThatThrownBy(
            () ->
                webhook(platform.url("/hooks"), SPEC_SECRET, Duration.ofMillis(300))
                    .deliver(indicator()))
        .isInstanceOf(PlatformWebhook.PlatformUnavailableException.class);
  }

  @Test
  void aRefusedConnectionFailsTheJobForARetry() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                webhook("http://127.0.0.1:" + closed + "/hooks", SPEC_SECRET, Duration.ofSeconds(2))
                    .deliver(indicator()))
        .isInstanceOf(PlatformWebhook.PlatformUnavailableException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 410})
  void anyOtherRefusalRaisesAnIncidentWithTheStatusAndTheStartOfTheBody(int status) {
    platform.stubFor(
        post(urlEqualTo("/hooks"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withBody("{\"title\":\"unknown chat\"}" + "x".repeat(1_000))));

    assertThatThrownBy(
            () ->
                webhook(platform.url("/hooks"), SPEC_SECRET, Duration.ofSeconds(5))
                    .deliver(indicator()))
        .isInstanceOf(IncidentException.class)
        .hasMessageContaining("answered " + status + ": {\"title\":\"unknown chat\"}")
        .hasMessageNotContaining("x".repeat(400));
  }

  @Test
  void withNeitherUrlNorSecretNothingIsSent() {
    PlatformWebhook unset = webhook("", "", Duration.ofSeconds(1));

    assertThat(unset.enabled()).isFalse();
    assertThatCode(() -> unset.deliver(indicator())).doesNotThrowAnyException();
    platform.verify(0, postRequestedFor(urlEqualTo("/hooks")));
  }

  @Test
  void aUrlWithoutASecretOrASecretNotInTheStandardFormStopsTheStart() {
    assertThatThrownBy(() -> webhook(platform.url("/hooks"), "", Duration.ofSeconds(1)))
        .hasMessageContaining("PLATFORM_WEBHOOK_SECRET");
    assertThatThrownBy(() -> webhook(platform.url("/hooks"), "plain-secret", Duration.ofSeconds(1)))
        .hasMessageContaining("whsec_");
    assertThatThrownBy(
            () -> webhook(platform.url("/hooks"), "whsec_not base64!", Duration.ofSeconds(1)))
        .hasMessageContaining("base64");
  }

  private static PlatformWebhook webhook(String url, String secret, Duration timeout) {
    return new PlatformWebhook(url, secret, timeout, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ChatIndicator indicator() {
    return new ChatIndicator(
        "7d1f0c2e-0000-4000-8000-000000000001", 1L, "APPROVED", "Разрешен", BODY, NOW);
  }
}
