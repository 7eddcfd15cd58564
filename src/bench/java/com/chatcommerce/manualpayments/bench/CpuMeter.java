package com.chatcommerce.manualpayments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the machine's CPU went during a measured run: this JVM, the application's JVM, MariaDB, and
 * everything else (another build on the shared machine). Read from /proc; in cores, averaged over
 * the run.
 */
final class CpuMeter {

  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, Long> pids = new LinkedHashMap<>();
  private final Map<String, Long> startTicks = new LinkedHashMap<>();
  private long startBusy;
  private long startGcMillis;
  private long startNanos;

  CpuMeter(String self, Long appPid) {
    pids.put(self, ProcessHandle.current().pid());
    if (appPid != null) {
      pids.put("app JVM", appPid);
    }
    mariadb().ifPresent(pid -> pids.put("mariadbd", pid));
  }

  static Optional<Long> mariadb() {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                    .orElse(false))
        .map(ProcessHandle::pid)
        .findFirst();
  }

  CpuMeter start() {
    startNanos = System.nanoTime();
    startBusy = busyTicks();
    startGcMillis = gcMillis();
    pids.forEach((name, pid) -> startTicks.put(name, processTicks(pid)));
    return this;
  }

  /** One line: cores used by each, and by all other processes. */
  String stop() {
    return stop(0, null);
  }

  /** As {@link #stop()}, with each one's CPU milliseconds per unit of work (a flow, a job). */
  String stop(int units, String unit) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long busy = busyTicks() - startBusy;
    StringBuilder out =
        new StringBuilder("  cpu (cores, of " + Runtime.getRuntime().availableProcessors() + "):");
    long ours = 0;
    for (Map.Entry<String, Long> e : pids.entrySet()) {
      long used = processTicks(e.getValue()) - startTicks.get(e.getKey());
      ours += used;
      out.append(Stats.f(" %s %.2f", e.getKey(), used / TICKS_PER_SECOND / seconds));
      if (units > 0) {
        out.append(Stats.f(" (%.1f ms a %s)", used * 1000.0 / TICKS_PER_SECOND / units, unit));
      }
      out.append(',');
    }
    out.append(
        Stats.f(
            " other processes %.2f; GC pauses in this JVM %d ms%s",
            Math.max(0, busy - ours) / TICKS_PER_SECOND / seconds,
            gcMillis() - startGcMillis,
            (busy - ours) / TICKS_PER_SECOND / seconds > 0.25
                ? "  <- the machine was shared: repeat this run"
                : ""));
    return out.toString();
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .filter(t -> t > 0)
        .sum();
  }

  private static long busyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      return total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
    } catch (Exception e) {
      return 0;
    }
  }

  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
      // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return 0;
    }
  }
}
