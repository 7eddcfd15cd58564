package com.chatcommerce.manualpayments.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, started from the same (test) classpath with its own heap
 * limit, as a deployed instance would run: it reaches the engine over gRPC and MariaDB over JDBC.
 * Its output goes to a log file, so the benchmark's own output stays plain figures.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private AppProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static Path logDir() throws IOException {
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Starts {@code mainClass} with the application's embedded profile; waits for it only if it is
   * the web app.
   */
  static Process fork(
      BenchConfig config, String mainClass, List<String> jvmArgs, List<String> args, Path log)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx" + config.appXmx());
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(jvmArgs);
    command.addAll(config.appJvmArgs());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.add("--spring.profiles.active=embedded");
    command.add("--spring.datasource.url=" + config.dbUrl());
    command.add("--spring.datasource.username=" + config.dbUser());
    command.add("--spring.datasource.password=" + config.dbPassword());
    command.addAll(args);
    command.addAll(config.appArgs());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("DATABASE_URL");
    return builder.start();
  }

  static AppProcess start(
      BenchConfig config, String engineGrpcAddress, String name, List<String> extraArgs)
      throws Exception {
    return start(config, engineGrpcAddress, name, extraArgs, freePort());
  }

  /** On a given port: an instance restarted after a crash is where its clients left it. */
  static AppProcess start(
      BenchConfig config, String engineGrpcAddress, String name, List<String> extraArgs, int port)
      throws Exception {
    Path log = logDir().resolve(name + ".log");
    Process process =
        fork(
            config,
            "com.chatcommerce.manualpayments.ManualPaymentsApplication",
            List.of(),
            concat(
                List.of(
                    "--server.port=" + port, "--camunda.client.grpc-address=" + engineGrpcAddress),
                extraArgs),
            log);
    AppProcess app = new AppProcess(process, port, log);
    // Generous: the chaos part restarts it while the load and the rest of the machine keep the
    // cores busy.
    app.awaitHealthy(Duration.ofMinutes(5));
    return app;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * With -Dbench.jfr=NAME, records the application's measured run (only that) with Java Flight
   * Recorder into target/bench/NAME-PART.jfr.
   */
  void startProfile(String part) {
    String name = System.getProperty("bench.jfr", "");
    if (!name.isBlank() && !name.startsWith("${")) {
      jcmd(
          "JFR.start",
          "name=bench",
          "settings=profile",
          "filename=" + Path.of("target", "bench", name + "-" + part + ".jfr").toAbsolutePath());
    }
  }

  void stopProfile() {
    String name = System.getProperty("bench.jfr", "");
    if (!name.isBlank() && !name.startsWith("${")) {
      jcmd("JFR.stop", "name=bench");
    }
  }

  /** A full collection in the application's JVM, done when this returns. */
  void collectGarbage() {
    jcmd("GC.run");
  }

  private void jcmd(String... command) {
    try {
      List<String> line =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(process.pid())));
      line.addAll(List.of(command));
      new ProcessBuilder(line)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (Exception e) {
      System.err.println("jcmd failed: " + e);
    }
  }

  long pid() {
    return process.pid();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Waits until the application answers healthy, which includes a topology request to the engine:
   * after a new engine started on its port, its client has reconnected once this returns.
   */
  void awaitHealthy(Duration within) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited while starting; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the application did not become healthy in " + within + "; see " + log);
  }

  /** SIGKILL: no shutdown hook, no graceful stop; open transactions die with their connections. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
