package com.chatcommerce.manualpayments;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.support.EmbeddedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The README's curl walk, run as written on a fresh embedded run (H2, an engine of its own, the
 * demo users), as a newcomer runs it. Only what a script cannot do as a reader does is changed: the
 * port, the order id the reader copies from the submission, a wait for the process to apply a
 * decision or refund (a reader takes that long to type the next line), and curl failing on an error
 * status, so that any call the walk shows that is refused fails this test. Linux only, as the walk
 * is written: it needs GNU date, bash 4.4 and curl 7.76 or newer.
 */
@EnabledOnOs(OS.LINUX)
class ReadmeCurlWalkTest {

  private static final String WALK_HEADING = "## A whole payment with curl";

  private static final String README_API_FUNCTION =
      "api() { curl -s -u manager:manager-demo -H 'Content-Type: application/json' \"$@\"; }";

  /** The README's {@code api}, failing on an error status and waiting for the process. */
  private static final String STRICT_API_FUNCTION =
      """
      api() {
        curl -sS --fail-with-body -u manager:manager-demo -H 'Content-Type: application/json' "$@"
        echo
        local id=""
        for arg in "$@"; do
          if [[ $arg =~ /orders/([^/?]+)/(approve|reject|refund)$ ]]; then id=${BASH_REMATCH[1]}; fi
        done
        if [ -z "$id" ]; then return 0; fi
        for _ in $(seq 1 100); do
          local order
          order=$(curl -sS --fail-with-body -u manager:manager-demo "$API/orders/$id")
          if ! grep -q '"status":"OPEN"' <<<"$order" && ! grep -q '"pendingAction"' <<<"$order"; then
            return 0
          fi
          sleep 0.1
        done
        echo "order $id was not applied within 10 s" >&2
        return 1
      }""";

  private static EmbeddedRun run;

  @BeforeAll
  static void startAFreshEmbeddedRun() {
    run = EmbeddedRun.start();
  }

  @AfterAll
  static void stop() {
    run.close();
  }

  @Test
  void everyCallOfTheWalkIsAnsweredAsTheReadmeSays() throws Exception {
    String script = walk();
    for (Map.Entry<String, String> change :
        List.of(
            Map.entry(
                "API=http://localhost:8080/api/v1",
                "API=http://localhost:" + run.port() + "/api/v1"),
            Map.entry(README_API_FUNCTION, STRICT_API_FUNCTION),
            Map.entry(
                "curl -s -u platform:platform-demo",
                "curl -sS --fail-with-body -u platform:platform-demo"),
            Map.entry(
                "ORDER=<order>",
                "ORDER=$(api \"$API/orders?limit=1\" | sed -E"
                    + " 's/^\\{\"orders\":\\[\\{\"id\":\"([^\"]+)\".*/\\1/')"),
            Map.entry(
                "curl -s http://localhost:8080/actuator/health",
                "curl -sS --fail-with-body http://localhost:" + run.port() + "/actuator/health"))) {
      script = replaceOnce(script, change.getKey(), change.getValue());
    }

    Process bash =
        new ProcessBuilder("bash", "-c", "set -euo pipefail\nshopt -s inherit_errexit\n" + script)
            .redirectErrorStream(true)
            .start();
    boolean ended = bash.waitFor(3, TimeUnit.MINUTES);
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      bash.destroyForcibly();
    }

    assertThat(ended).as(output).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
    // What the walk's comments promise.
    assertThat(output)
        .as(output)
        .contains(
            "\"fee\":{\"amount\":\"47.50\",\"currency\":\"RUB\"}",
            "\"net\":{\"amount\":\"1452.50\",\"currency\":\"RUB\"}",
            "\"status\":\"APPROVED\"",
            "\"fee\":{\"amount\":\"45.00\",\"currency\":\"RUB\"}",
            "{\"status\":\"UP\"}");
  }

  /** The walk's bash block, as the README has it. */
  private static String walk() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int heading = readme.indexOf(WALK_HEADING);
    assertThat(heading).as("the README has the section " + WALK_HEADING).isNotNegative();
    int start = readme.indexOf("```bash\n", heading) + "```bash\n".length();
    int end = readme.indexOf("\n```", start);
    return readme.substring(start, end);
  }

  /** Fails when the README no longer has {@code text}: the walk changed, and so must this test. */
  private static String replaceOnce(String script, String text, String replacement) {
    assertThat(script.split(Pattern.quote(text), -1))
        .as("the README's walk has exactly one " + text)
        .hasSize(2);
    return script.replace(text, replacement);
  }
}
