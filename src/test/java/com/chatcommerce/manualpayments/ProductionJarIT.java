package com.chatcommerce.manualpayments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The licensing boundary: the Zeebe engine (source-available, non-production terms) may only be
 * on the test classpath. Runs after {@code package}, on the jar that would ship.
 */
class ProductionJarIT {

  @Test
  void productionJarCarriesNoEngineAndNoTestOnlyLibraries() throws IOException {
    try (JarFile jar = new JarFile(productionJar().toFile())) {
      List<String> entries = jar.stream().map(e -> e.getName()).toList();

      assertThat(entries).as("the application and its models are in the jar")
          .contains("BOOT-INF/classes/processes/manual-payment.bpmn", "BOOT-INF/classes/forms/manual-payment-review.form",
              "BOOT-INF/classes/com/chatcommerce/manualpayments/order/ApproveOrderWorker.class");
      assertThat(entries).filteredOn(e -> e.startsWith("BOOT-INF/lib/camunda-client-java")).isNotEmpty();
      assertThat(entries).filteredOn(e -> e.startsWith("BOOT-INF/lib/"))
          .noneMatch(e -> e.contains("zeebe-workflow-engine") || e.contains("zeebe-process-test")
              || e.contains("zeebe-db") || e.contains("zeebe-stream-platform") || e.contains("camunda-zeebe")
              || e.contains("/h2-") || e.contains("mariadb-java-client"));
      assertThat(entries).noneMatch(e -> e.contains("io/camunda/zeebe/engine/"));
      assertThat(entries).noneMatch(e -> e.contains("EmbeddedManualPaymentsApplication"));
    }
  }

  private static Path productionJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("manual-payments-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no packaged jar in target/; run ./mvnw verify"));
    }
  }
}
