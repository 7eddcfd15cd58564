package com.chatcommerce.manualpayments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Percentiles of latencies in nanoseconds, and the plain lines the benchmark prints. */
final class Stats {

  private Stats() {}

  /** The nearest-rank percentile, in milliseconds. */
  static double percentileMs(long[] nanos, double p) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
  }

  static String latencies(long[] nanos) {
    return String.format(
        Locale.ROOT,
        "p50 = %.1f ms, p95 = %.1f ms, p99 = %.1f ms (n = %d)",
        percentileMs(nanos, 50),
        percentileMs(nanos, 95),
        percentileMs(nanos, 99),
        nanos.length);
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static void line(String text) {
    System.out.println(text);
    System.out.flush();
  }

  /** The machine's load average (1, 5 and 15 minutes), printed before each measured run. */
  static String load() {
    try {
      String[] avg = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return avg[0] + " " + avg[1] + " " + avg[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static void loadLine(String what) {
    line(
        "load before "
            + what
            + ": "
            + load()
            + " (1, 5, 15 min; "
            + Runtime.getRuntime().availableProcessors()
            + " cores)");
  }
}
