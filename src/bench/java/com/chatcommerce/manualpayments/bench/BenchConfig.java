package com.chatcommerce.manualpayments.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every size and setting of a benchmark run, from {@code -Dbench.*} system properties. */
record BenchConfig(
    Set<String> parts,
    int flows,
    int warmupFlows,
    int jvmWarmupFlows,
    int jvmWarmupBatches,
    double jitQuiet,
    int e2eRounds,
    int concurrency,
    int workerJobs,
    int workerWarmupJobs,
    int workerRounds,
    int workerConcurrency,
    int orders,
    int clients,
    int samples,
    int pages,
    String appXmx,
    List<String> appArgs,
    List<String> appJvmArgs,
    String dbUrl,
    String dbUser,
    String dbPassword,
    boolean idempotencyKeys,
    String auth) {

  static BenchConfig fromSystemProperties() {
    String dbName = text("bench.db.name", "manual_payments_bench");
    String url = text("bench.db.url", "");
    return new BenchConfig(
        Arrays.stream(text("bench.parts", "e2e,workers,scaling").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()),
        number("bench.flows", 2000),
        number("bench.warmup", 200),
        number("bench.jvm-warmup", 1000),
        number("bench.jvm-warmup.batches", 8),
        Double.parseDouble(text("bench.jit-quiet", "0.05")),
        number("bench.e2e.rounds", 3),
        number("bench.concurrency", 32),
        number("bench.worker.jobs", 4000),
        number("bench.worker.warmup", 4000),
        number("bench.worker.rounds", 3),
        number("bench.worker.concurrency", 16),
        number("bench.orders", 1_000_000),
        number("bench.clients", 100_000),
        number("bench.samples", 1000),
        number("bench.pages", 100),
        text("bench.app.xmx", "384m"),
        Arrays.stream(text("bench.app.args", "").split("\\s+")).filter(s -> !s.isBlank()).toList(),
        Arrays.stream(text("bench.app.jvm", "").split("\\s+")).filter(s -> !s.isBlank()).toList(),
        url.isBlank() ? "jdbc:mariadb://127.0.0.1:3306/" + dbName : url,
        text("bench.db.user", dbName),
        text("bench.db.password", text("bench.db.user", dbName)),
        Boolean.parseBoolean(text("bench.idempotency-keys", "true")),
        text("bench.auth", "jwt"));
  }

  boolean runs(String part) {
    return parts.contains(part);
  }

  private static String text(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.trim();
  }

  private static int number(String name, int fallback) {
    return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", ""));
  }
}
