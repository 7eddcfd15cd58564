package com.chatcommerce.manualpayments.support;

import com.chatcommerce.manualpayments.ManualPaymentsApplication;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh embedded run as {@code ./mvnw spring-boot:test-run} starts it: the embedded profile, an
 * empty H2 database in MySQL mode, an in-memory engine of its own and the real workers, on a free
 * port.
 */
public record EmbeddedRun(InMemoryEngine engine, ConfigurableApplicationContext app, int port)
    implements AutoCloseable {

  public static EmbeddedRun start() {
    InMemoryEngine engine = InMemoryEngine.start();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(ManualPaymentsApplication.class)
            .run(
                "--spring.profiles.active=embedded",
                "--spring.datasource.url=jdbc:h2:mem:"
                    + UUID.randomUUID()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--server.port=0",
                "--camunda.client.grpc-address=" + engine.grpcAddress());
    return new EmbeddedRun(
        engine, app, ((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @Override
  public void close() {
    app.close();
    engine.close();
  }
}
