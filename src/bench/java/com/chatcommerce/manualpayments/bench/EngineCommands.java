package com.chatcommerce.manualpayments.bench;

import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the engine processed during a measured run: its commands by kind, a flow's worth each. The
 * engine's thread is the bottleneck of both runs, so a command the full run sends and the baseline
 * does not (a job poll, a yielded job) is engine time the application costs.
 */
final class EngineCommands {

  private final InMemoryEngine engine;
  private Map<String, Long> start;

  EngineCommands(InMemoryEngine engine) {
    this.engine = engine;
  }

  EngineCommands start() {
    start = commands();
    return this;
  }

  /** The {@code top} most frequent commands, a flow's worth each, and all commands a flow. */
  String stop(int flows, int top) {
    Map<String, Long> end = commands();
    Map<String, Long> during = new HashMap<>();
    end.forEach((kind, count) -> during.put(kind, count - start.getOrDefault(kind, 0L)));
    long all = during.values().stream().mapToLong(Long::longValue).sum();
    return Stats.f("  engine commands a flow: %.1f in all; ", (double) all / flows)
        + during.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(top)
            .map(e -> Stats.f("%s %.2f", e.getKey(), (double) e.getValue() / flows))
            .collect(Collectors.joining(", "));
  }

  private Map<String, Long> commands() {
    Map<String, Long> counts = new HashMap<>();
    // The engine goes on writing while a round's count is taken; the copy starts again if it does.
    for (Record<?> record : EngineRecords.of(engine)) {
      if (record.getRecordType() == RecordType.COMMAND) {
        counts.merge(record.getValueType() + " " + record.getIntent(), 1L, Long::sum);
      }
    }
    return counts;
  }
}
