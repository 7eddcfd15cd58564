package com.chatcommerce.manualpayments.support;

import java.util.Map;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
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

  /** Points the application at the shared engine before any bean connects to it. */
  public static class EngineAddress implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(
          new MapPropertySource("in-memory-engine",
              Map.of("camunda.client.grpc-address", SharedEngine.get().grpcAddress())));
    }
  }
}
