package com.chatcommerce.manualpayments.support;

import io.grpc.ClientInterceptor;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;

@TestConfiguration(proxyBeanMethods = false)
public class IntegrationTestConfiguration {

  /** Each test run starts from an empty schema built by the real migrations. */
  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }

  /**
   * The application's clock shows the engine's time. In production both are wall clocks; here a
   * test moves the engine's clock forward to reach a deadline, and the order's deadline, which the
   * application computes, must be measured on the same clock as the engine's timer.
   */
  @Bean
  @Primary
  Clock engineTime(@Value("${manual-payments.time-zone}") String zone) {
    return SharedEngine.get().clock(ZoneId.of(zone));
  }

  /** Tasklist's listener denials reach the in-memory engine as they reach a real one. */
  @Bean
  ClientInterceptor jobResultsReachTheInMemoryEngine() {
    return new InMemoryGatewayJobResults(SharedEngine.get());
  }

  @Bean
  SentInstanceTags sentInstanceTags() {
    return new SentInstanceTags();
  }

  /** Delivers the chat indicators to the shared platform receiver. */
  public static class PlatformWebhook
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "platform-webhook",
                  Map.of(
                      "manual-payments.platform.webhook-url",
                      SharedPlatform.url(),
                      "manual-payments.platform.webhook-secret",
                      SharedPlatform.secret())));
    }
  }

  /** Points the application at the shared engine before any bean connects to it. */
  public static class EngineAddress
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "in-memory-engine",
                  Map.of("camunda.client.grpc-address", SharedEngine.get().grpcAddress())));
    }
  }
}
