package com.chatcommerce.manualpayments.support;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the in-memory engine's records, taken while the engine goes on writing: its record list
 * may change under an iteration, which then starts again.
 */
public final class EngineRecords {

  private EngineRecords() {}

  public static List<Record<?>> of(InMemoryEngine engine) {
    while (true) {
      try {
        List<Record<?>> copy = new ArrayList<>();
        RecordStream.of(engine.engine().getRecordStreamSource()).records().forEach(copy::add);
        return copy;
      } catch (ConcurrentModificationException writtenMeanwhile) {
        Thread.onSpinWait();
      }
    }
  }

  /**
   * The engine's records so far as ZPT's filters and assertions read them, over a copy: its live
   * stream can change under an iteration while the workers run.
   */
  public static RecordStream snapshot(InMemoryEngine engine) {
    List<Record<?>> copy = of(engine);
    return RecordStream.of(() -> copy);
  }

  /** The records of one value type, typed. */
  @SuppressWarnings("unchecked")
  public static <T extends io.camunda.zeebe.protocol.record.RecordValue> Stream<Record<T>> of(
      InMemoryEngine engine, ValueType type) {
    return of(engine).stream().filter(r -> r.getValueType() == type).map(r -> (Record<T>) r);
  }

  /** The variable records of one process instance, in order, each as {@code name=value}. */
  public static List<String> variables(InMemoryEngine engine, long processInstanceKey) {
    return EngineRecords.<VariableRecordValue>of(engine, ValueType.VARIABLE)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .map(r -> r.getValue().getName() + "=" + r.getValue().getValue())
        .toList();
  }

  public static long lastPosition(InMemoryEngine engine) {
    return of(engine).stream().mapToLong(Record::getPosition).max().orElse(0);
  }
}
