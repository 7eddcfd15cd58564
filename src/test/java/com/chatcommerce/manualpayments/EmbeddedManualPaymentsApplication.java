package com.chatcommerce.manualpayments;

import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.springframework.boot.SpringApplication;

/**
 * The embedded default, started by {@code ./mvnw spring-boot:test-run}: the in-memory engine (test
 * classpath only, so the production jar never contains it) and H2 in MySQL mode unless DATABASE_URL
 * names a real database. The application reaches the engine over gRPC exactly as it would reach a
 * cluster. The engine listens on loopback only ({@code LoopbackGrpcServerProvider}): its gateway
 * has no authentication.
 */
public final class EmbeddedManualPaymentsApplication {

  private EmbeddedManualPaymentsApplication() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("ENGINE_PORT", "26500"));
    ZeebeTestEngine engine = EngineFactory.create(port);
    engine.start();
    Runtime.getRuntime().addShutdownHook(new Thread(engine::stop));
    System.setProperty("camunda.client.grpc-address", InMemoryEngine.grpcAddress(engine));
    if (System.getenv("DATABASE_URL") == null) {
      System.setProperty(
          "spring.datasource.url",
          "jdbc:h2:mem:manual_payments;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
      System.setProperty("spring.datasource.username", "sa");
      System.setProperty("spring.datasource.password", "");
    }
    try {
      SpringApplication application = new SpringApplication(ManualPaymentsApplication.class);
      application.setAdditionalProfiles("embedded");
      application.run(args);
    } catch (RuntimeException e) {
      // The engine's threads would keep a failed start alive: stop it and exit.
      engine.stop();
      System.exit(1);
    }
  }
}
