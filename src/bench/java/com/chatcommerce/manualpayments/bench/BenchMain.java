package com.chatcommerce.manualpayments.bench;

import static com.chatcommerce.manualpayments.bench.Stats.line;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ConcurrentModificationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The benchmark program (not a test): {@code ./mvnw -Pbench} runs it. It prints its figures as
 * plain lines; sizes come from {@code -Dbench.*} properties (see the profile in pom.xml).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    quietEngineLogs();
    BenchConfig config = BenchConfig.fromSystemProperties();
    BenchDatabase db = new BenchDatabase(config);
    line(
        "bench: parts="
            + String.join(",", config.parts().stream().sorted().toList())
            + " database="
            + config.dbUrl()
            + " java="
            + Runtime.version()
            + " cores="
            + Runtime.getRuntime().availableProcessors()
            + (config.appArgs().isEmpty() ? "" : " app-args=" + String.join(" ", config.appArgs()))
            + (config.appJvmArgs().isEmpty()
                ? ""
                : " app-jvm=" + String.join(" ", config.appJvmArgs())));
    int exit = 0;
    try {
      if (config.runs("e2e")) {
        new EndToEnd(config, db).run();
      } else if (config.runs("baseline")) {
        new EndToEnd(config, db).baselineOnly();
      }
      if (config.runs("workers")) {
        WorkersBench.runInChild(config, db);
      }
      if (config.runs("scaling")) {
        new Scaling(config, db).run();
      }
      if (config.runs("soak")) {
        new Soak(config, db).run();
      }
      if (config.runs("chaos")) {
        new Chaos(config, db).run();
      }
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    }
    // The in-memory engines leave non-daemon threads behind.
    System.exit(exit);
  }

  /**
   * Keeps the output to figures. The in-memory engine's batch-operation actor reads the engine's
   * state from a second thread while the processing thread writes it, and logs the resulting
   * ConcurrentModificationException with its stack every few seconds; batch operations take no part
   * in a payment. Only that error is dropped: any other failure of an engine actor still shows.
   */
  private static void quietEngineLogs() {
    LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
    logs.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    TurboFilter concurrentReads =
        new TurboFilter() {
          @Override
          public FilterReply decide(
              Marker marker,
              Logger logger,
              Level level,
              String format,
              Object[] params,
              Throwable t) {
            return t != null
                    && t.getCause() instanceof ConcurrentModificationException
                    && logger.getName().equals("io.camunda.zeebe.util.actor")
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
          }
        };
    concurrentReads.start();
    logs.addTurboFilter(concurrentReads);
  }
}
