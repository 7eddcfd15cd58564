package com.chatcommerce.manualpayments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The busiest threads of one process during a measured run, from /proc/PID/task/TID/schedstat: the
 * share of a core each thread ran, and how long it was ready to run but waited for a core. The wait
 * tells whether the engine's thread is the bottleneck by itself (busy, little wait) or is held back
 * by the other processes on the same cores (long wait).
 */
final class ThreadMeter {

  private record Sample(String name, long runNanos, long waitNanos) {}

  private final String label;
  private final long pid;
  private Map<String, Sample> start;
  private long startNanos;

  ThreadMeter(String label, long pid) {
    this.label = label;
    this.pid = pid;
  }

  ThreadMeter start() {
    start = sample();
    startNanos = System.nanoTime();
    return this;
  }

  /**
   * One line with the {@code top} busiest threads: the share of a core each ran, and waited for
   * one.
   */
  String stop(int top) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String busiest =
        sinceStart()
            .sorted(Comparator.comparingLong(Sample::runNanos).reversed())
            .limit(top)
            .map(
                s ->
                    Stats.f(
                        "%s ran %.2f, waited %.2f",
                        s.name(), s.runNanos() / 1e9 / seconds, s.waitNanos() / 1e9 / seconds))
            .collect(Collectors.joining("; "));
    return "  busiest threads of "
        + label
        + " (cores ran, cores' worth waited for a core): "
        + busiest;
  }

  /**
   * The cores' worth the JIT compiler threads ran since {@link #start()}: while it is more than a
   * trace, the process still runs part of its code interpreted or in code compiled for profiling.
   */
  double jitCores() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return sinceStart()
            .filter(
                s ->
                    s.name().startsWith("C1 CompilerThre")
                        || s.name().startsWith("C2 CompilerThre"))
            .mapToLong(Sample::runNanos)
            .sum()
        / 1e9
        / seconds;
  }

  String label() {
    return label;
  }

  private Stream<Sample> sinceStart() {
    return sample().entrySet().stream()
        .map(
            e -> {
              Sample before = start.getOrDefault(e.getKey(), new Sample(e.getValue().name(), 0, 0));
              return new Sample(
                  e.getValue().name(),
                  e.getValue().runNanos() - before.runNanos(),
                  e.getValue().waitNanos() - before.waitNanos());
            });
  }

  private Map<String, Sample> sample() {
    Map<String, Sample> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(
          task -> {
            try {
              String name = Files.readString(task.resolve("comm")).trim();
              String[] f = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
              threads.put(
                  task.getFileName().toString(),
                  new Sample(name, Long.parseLong(f[0]), Long.parseLong(f[1])));
            } catch (IOException | RuntimeException e) {
              // The thread ended between the listing and the read: it ran nothing worth reporting.
            }
          });
    } catch (IOException e) {
      // No /proc for this process (it ended, or this is not Linux): nothing to report.
    }
    return threads;
  }
}
