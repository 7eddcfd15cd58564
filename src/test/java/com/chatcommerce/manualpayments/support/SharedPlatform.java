package com.chatcommerce.manualpayments.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The platform's webhook receiver for every test on the shared context, so that every flow those
 * tests run is delivered as in production. It takes every delivery (204) unless a test stubs
 * another answer for its own orders.
 */
public final class SharedPlatform {

  public static final String PATH = "/platform/webhooks";

  /** The webhook key; the secret is configured as {@code whsec_} and its base64. */
  public static final byte[] KEY =
      "the tests' platform webhook key".getBytes(StandardCharsets.UTF_8);

  private static WireMockServer server;

  private SharedPlatform() {}

  public static synchronized WireMockServer get() {
    if (server == null) {
      server =
          new WireMockServer(
              WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
      server.start();
      server.stubFor(post(urlEqualTo(PATH)).atPriority(10).willReturn(aResponse().withStatus(204)));
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static String url() {
    return get().url(PATH);
  }

  public static String secret() {
    return "whsec_" + Base64.getEncoder().encodeToString(KEY);
  }
}
