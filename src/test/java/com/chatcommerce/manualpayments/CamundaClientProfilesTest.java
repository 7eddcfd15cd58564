package com.chatcommerce.manualpayments;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClientConfiguration;
import io.camunda.client.impl.oauth.OAuthCredentialsProvider;
import io.camunda.client.spring.configuration.CamundaAutoConfiguration;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The cluster each Spring profile connects to, as the Camunda starter (8.8.14) resolves it from the
 * application's own application*.yaml and the environment variables docs/operations.md names: its
 * client configuration and credentials provider, built by the starter's auto-configuration. Nothing
 * here connects: the client reaches out only on its first request.
 */
class CamundaClientProfilesTest {

  private static final String CLUSTER_ID = "3f7c1d2e-5a6b-4c8d-9e0f-123456789abc";

  @TempDir Path temp;

  @Test
  void defaultProfileTalksToAnUnsecuredClusterOnLocalhost() {
    try (ConfigurableApplicationContext context = start(null, Map.of())) {
      CamundaClientConfiguration client = context.getBean(CamundaClientConfiguration.class);

      assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://localhost:26500"));
      assertThat(client.getRestAddress()).isEqualTo(URI.create("http://localhost:8088"));
      assertThat(client.getCredentialsProvider()).isNotInstanceOf(OAuthCredentialsProvider.class);
    }
  }

  @Test
  void defaultProfileTakesTheClusterFromTheEnvironmentAsTheComposeStackSetsIt() {
    try (ConfigurableApplicationContext context =
        start(
            null,
            Map.of(
                "CAMUNDA_GRPC_ADDRESS",
                "http://camunda:26500",
                "CAMUNDA_REST_ADDRESS",
                "http://camunda:8080"))) {
      CamundaClientConfiguration client = context.getBean(CamundaClientConfiguration.class);

      assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://camunda:26500"));
      assertThat(client.getRestAddress()).isEqualTo(URI.create("http://camunda:8080"));
      assertThat(client.getCredentialsProvider()).isNotInstanceOf(OAuthCredentialsProvider.class);
    }
  }

  @Test
  void selfManagedProfileAsksIdentityForATokenForTheOrchestrationClusterApi() throws Exception {
    try (ConfigurableApplicationContext context =
        start(
            "self-managed",
            Map.of(
                "CAMUNDA_GRPC_ADDRESS", "http://camunda:26500",
                "CAMUNDA_REST_ADDRESS", "http://camunda:8080",
                "CAMUNDA_CLIENT_ID", "manual-payments",
                "CAMUNDA_CLIENT_SECRET", "not-a-secret",
                "CAMUNDA_TOKEN_URL",
                    "http://keycloak:18080/auth/realms/camunda-platform/protocol/openid-connect/token"))) {
      CamundaClientConfiguration client = context.getBean(CamundaClientConfiguration.class);

      assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://camunda:26500"));
      assertThat(client.getRestAddress()).isEqualTo(URI.create("http://camunda:8080"));
      assertThat(tokenUrl(client))
          .isEqualTo(
              URI.create(
                      "http://keycloak:18080/auth/realms/camunda-platform/protocol/openid-connect/token")
                  .toURL());
      assertThat(audience(client)).isEqualTo("orchestration-api");
    }
  }

  /**
   * Even with the self-managed variables still set, as an operator moving to SaaS may leave them.
   */
  @Test
  void saasProfileConnectsToTheClusterOfItsIdAndRegion() throws Exception {
    try (ConfigurableApplicationContext context =
        start(
            "saas",
            Map.of(
                "CAMUNDA_CLUSTER_ID", CLUSTER_ID,
                "CAMUNDA_CLUSTER_REGION", "jfk-1",
                "CAMUNDA_CLIENT_ID", "manual-payments",
                "CAMUNDA_CLIENT_SECRET", "not-a-secret",
                "CAMUNDA_GRPC_ADDRESS", "http://camunda:26500",
                "CAMUNDA_REST_ADDRESS", "http://camunda:8080"))) {
      CamundaClientConfiguration client = context.getBean(CamundaClientConfiguration.class);

      assertThat(client.getGrpcAddress())
          .isEqualTo(URI.create("https://" + CLUSTER_ID + ".jfk-1.zeebe.camunda.io:443"));
      assertThat(client.getRestAddress())
          .isEqualTo(URI.create("https://jfk-1.zeebe.camunda.io:443/" + CLUSTER_ID));
      assertThat(tokenUrl(client))
          .isEqualTo(URI.create("https://login.cloud.camunda.io/oauth/token").toURL());
      assertThat(audience(client)).isEqualTo("zeebe.camunda.io");
    }
  }

  /** Only the starter's client beans, with exactly these environment variables and no other. */
  private ConfigurableApplicationContext start(String profile, Map<String, String> variables) {
    Map<String, Object> environment = new HashMap<>(variables);
    // The OAuth provider caches tokens in a file; keep it out of the home directory.
    environment.put(
        "CAMUNDA_CLIENT_AUTH_CREDENTIALSCACHEPATH", temp.resolve("credentials").toString());
    StandardEnvironment onlyThese =
        new StandardEnvironment() {
          @Override
          protected void customizePropertySources(MutablePropertySources sources) {
            sources.addLast(
                new SystemEnvironmentPropertySource(
                    SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
          }
        };
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(ClientOnly.class)
            .environment(onlyThese)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false);
    if (profile != null) {
      builder.profiles(profile);
    }
    return builder.run();
  }

  private static URL tokenUrl(CamundaClientConfiguration client) {
    return (URL) ReflectionTestUtils.getField(oauth(client), "authorizationServerUrl");
  }

  private static String audience(CamundaClientConfiguration client) {
    return (String) ReflectionTestUtils.getField(oauth(client), "audience");
  }

  private static OAuthCredentialsProvider oauth(CamundaClientConfiguration client) {
    assertThat(client.getCredentialsProvider()).isInstanceOf(OAuthCredentialsProvider.class);
    return (OAuthCredentialsProvider) client.getCredentialsProvider();
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({JacksonAutoConfiguration.class, CamundaAutoConfiguration.class})
  static class ClientOnly {}
}
