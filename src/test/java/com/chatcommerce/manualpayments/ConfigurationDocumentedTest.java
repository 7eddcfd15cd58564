package com.chatcommerce.manualpayments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An operator learns the application's settings from docs/operations.md: each one must be there.
 */
class ConfigurationDocumentedTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)");

  @Test
  void everyEnvironmentVariableOfTheProductionConfigurationIsInTheOperationsGuide()
      throws IOException {
    String guide = Files.readString(Path.of("docs/operations.md"));
    List<String> variables = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().matches("application.*\\.yaml")).toList()) {
        Matcher m = PLACEHOLDER.matcher(Files.readString(file));
        while (m.find()) {
          variables.add(m.group(1));
        }
      }
    }
    assertThat(variables).isNotEmpty();
    assertThat(variables).allSatisfy(v -> assertThat(guide).as(v).contains("`" + v + "`"));
  }
}
