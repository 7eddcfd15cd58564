package com.chatcommerce.manualpayments.tooling;

import static com.chatcommerce.manualpayments.tooling.ToolingCheck.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document the embedded run serves passes Stoplight Spectral with the OpenAPI rules and
 * the OWASP API Security rules ({@code tooling/.spectral.yaml}): linters others wrote, so that the
 * contract is checked against what the industry expects, not only against our own tests.
 */
@IntegrationTest
class OpenApiLintTest {

  @LocalServerPort int port;

  @Test
  void openApiDocumentHasNoSpectralOrOwaspError() throws IOException {
    Api.Response document = new Api(port, null, null).get("/v3/api-docs");
    assertThat(document.status()).isEqualTo(200);
    Path saved = ToolingCheck.projectRoot().resolve("target/openapi/api-docs.json");
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, document.raw(), StandardCharsets.UTF_8);

    check("install", Duration.ofMinutes(10));
    ToolingCheck.Result lint = check("openapi", Duration.ofMinutes(2));
    // The warnings left, counted in the build log: "✖ N problems (0 errors, N warnings, …)".
    lint.output().lines().filter(line -> line.contains("problems (")).forEach(System.out::println);
  }
}
