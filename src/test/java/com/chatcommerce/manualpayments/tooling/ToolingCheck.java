package com.chatcommerce.manualpayments.tooling;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs a step of {@code tooling/check.sh} for a test, with only the environment the tools need. */
final class ToolingCheck {

  /** Variables passed to the tools: what they need to run, and nothing secret. */
  private static final Set<String> PASSED_ENVIRONMENT =
      Set.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "LANG",
          "LC_ALL",
          "LC_CTYPE",
          "TZ",
          "TMPDIR",
          "NODE_EXTRA_CA_CERTS",
          "SSL_CERT_FILE",
          "SSL_CERT_DIR",
          "CHROMIUM_PATH",
          "CI",
          "npm_config_registry",
          "NPM_CONFIG_REGISTRY",
          "npm_config_cache",
          "npm_config_userconfig",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "NO_PROXY",
          "http_proxy",
          "https_proxy",
          "no_proxy");

  private ToolingCheck() {}

  record Result(String step, int exitCode, String output) {}

  /** Runs {@code bash tooling/check.sh STEP}; fails with the tool's output unless it exits 0. */
  static Result check(String step, Duration timeout) {
    Result result = run(step, timeout);
    if (result.exitCode() != 0) {
      fail(
          "tooling/check.sh "
              + step
              + " failed (exit "
              + result.exitCode()
              + "):\n"
              + result.output());
    }
    return result;
  }

  static Result run(String step, Duration timeout) {
    Path log = null;
    Process process = null;
    try {
      log = Files.createTempFile("camunda-tooling-" + step + "-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder("bash", "tooling/check.sh", step)
              .directory(projectRoot().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> environment = builder.environment();
      environment.keySet().retainAll(PASSED_ENVIRONMENT);
      process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        destroyTree(process);
        return new Result(step, -1, "timed out after " + timeout.toSeconds() + " s\n" + read(log));
      }
      return new Result(step, process.exitValue(), read(log));
    } catch (IOException e) {
      return new Result(step, -1, "could not run bash tooling/check.sh " + step + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        destroyTree(process);
      }
      return new Result(step, -1, "interrupted");
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a temporary file
        }
      }
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  static Path projectRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve("tooling/check.sh"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no project root with tooling/check.sh above " + dir);
  }
}
