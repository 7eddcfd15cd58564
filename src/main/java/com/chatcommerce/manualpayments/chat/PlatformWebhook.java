package com.chatcommerce.manualpayments.chat;

import com.chatcommerce.manualpayments.process.IncidentException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivers chat indicators to the platform, whose chat and CRM they belong to, as webhooks signed
 * per the Standard Webhooks specification. Delivery is at least once: a failure the platform may
 * get over fails the job, which the engine hands out again with the worker backoff, under the same
 * webhook id; a refusal no repeat can change raises an incident. With no URL and secret configured
 * nothing is sent.
 */
@Component
public class PlatformWebhook {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformWebhook.class);
  private static final String SECRET_PREFIX = "whsec_";

  /** Enough of a refusal's body to tell the operator why, short enough for an incident message. */
  private static final int BODY_START = 300;

  private final URI url;
  private final SecretKeySpec key;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;

  public PlatformWebhook(
      @Value("${manual-payments.platform.webhook-url}") String url,
      @Value("${manual-payments.platform.webhook-secret}") String secret,
      @Value("${manual-payments.platform.webhook-timeout}") Duration timeout,
      Clock clock) {
    boolean noUrl = url == null || url.isBlank();
    boolean noSecret = secret == null || secret.isBlank();
    if (noUrl != noSecret) {
      throw new IllegalStateException(
          "PLATFORM_WEBHOOK_URL and PLATFORM_WEBHOOK_SECRET are set together or not at all");
    }
    this.url = noUrl ? null : uri(url.strip());
    this.key = noSecret ? null : new SecretKeySpec(secret(secret.strip()), "HmacSHA256");
    this.timeout = timeout;
    this.clock = clock;
    this.http = noUrl ? null : HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public boolean enabled() {
    return url != null;
  }

  /**
   * Sends the indicator's event; returns when the platform answered 2xx.
   *
   * @throws PlatformUnavailableException on a 5xx, 408 or 429, a timeout or no connection: the job
   *     retries
   * @throws IncidentException on any other answer, which a repeat would only get again
   */
  public void deliver(ChatIndicator indicator) {
    if (!enabled()) {
      return;
    }
    String id = indicator.webhookId();
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String body = indicator.eventBody();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("content-type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", timestamp)
            .header("webhook-signature", signature(id, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PlatformUnavailableException("platform webhook " + id + " not delivered: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformUnavailableException("platform webhook " + id + " interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      LOG.debug("platform webhook {} delivered ({})", id, status);
      return;
    }
    String answer =
        "platform webhook " + id + " answered " + status + ": " + start(response.body());
    if (status >= 500 || status == 408 || status == 429) {
      throw new PlatformUnavailableException(answer, null);
    }
    throw new IncidentException(answer);
  }

  /** {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret. */
  String signature(String id, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static String start(String body) {
    if (body == null || body.isEmpty()) {
      return "(no body)";
    }
    return body.length() > BODY_START ? body.substring(0, BODY_START) + "…" : body;
  }

  private static URI uri(String url) {
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalStateException("PLATFORM_WEBHOOK_URL must be an http or https URL");
    }
    return uri;
  }

  /** Standard Webhooks secrets are {@code whsec_} and the key in base64. */
  private static byte[] secret(String secret) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalStateException("PLATFORM_WEBHOOK_SECRET must start with " + SECRET_PREFIX);
    }
    try {
      return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("PLATFORM_WEBHOOK_SECRET must be whsec_ and base64", e);
    }
  }

  /** The platform could not take the webhook now; a later delivery may succeed. */
  public static class PlatformUnavailableException extends RuntimeException {
    PlatformUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
