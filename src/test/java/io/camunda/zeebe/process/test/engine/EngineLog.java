package io.camunda.zeebe.process.test.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.protocol.impl.record.value.job.JobResult;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.JobResultType;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.util.buffer.BufferUtil;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes commands to the in-memory engine's log the way a real gateway does, for the commands its
 * gRPC-only gateway cannot carry: Tasklist's user-task commands (REST in 8.8) and a job completion
 * with a result, which the in-memory gateway drops. It lives in the engine's package because the
 * engine's {@link CommandWriter} is package-private; test classpath only.
 */
public final class EngineLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandWriter writer;
  private final AtomicLong clockOffsetMillis;

  private EngineLog(CommandWriter writer, AtomicLong clockOffsetMillis) {
    this.writer = writer;
    this.clockOffsetMillis = clockOffsetMillis;
  }

  public static EngineLog of(ZeebeTestEngine engine) {
    if (!(engine instanceof InMemoryEngine inMemory)) {
      throw new IllegalArgumentException("not Zeebe Process Test's in-memory engine: " + engine);
    }
    LogStream logStream = read(InMemoryEngine.class, inMemory, "logStream", LogStream.class);
    ControlledActorClock clock =
        read(InMemoryEngine.class, inMemory, "clock", ControlledActorClock.class);
    return new EngineLog(
        new CommandWriter(logStream.newLogStreamWriter()),
        read(ControlledActorClock.class, clock, "currentOffset", AtomicLong.class));
  }

  /**
   * The engine's time, which {@link ZeebeTestEngine#increaseTime} moves and its timers follow: the
   * system's time plus the offset the test added. Read from the offset rather than the engine's own
   * reading, which only advances while its actors run, and only by milliseconds.
   */
  public Instant now() {
    return Instant.now().plusMillis(clockOffsetMillis.get());
  }

  /** What Tasklist sends when a manager presses "Assign to me". */
  public void assignUserTask(long userTaskKey, String assignee) {
    write(
        userTaskKey,
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAssignee(assignee).setAction("assign"),
        ValueType.USER_TASK,
        UserTaskIntent.ASSIGN);
  }

  /** What Tasklist sends when a manager presses "Complete task": the form's variables. */
  public void completeUserTask(long userTaskKey, Map<String, Object> variables) {
    write(
        userTaskKey,
        new UserTaskRecord()
            .setUserTaskKey(userTaskKey)
            .setVariables(msgpack(variables))
            .setAction("complete"),
        ValueType.USER_TASK,
        UserTaskIntent.COMPLETE);
  }

  /**
   * A user-task listener's job completed with its result: a denial, with the reason Tasklist shows.
   */
  public void completeListenerJob(long jobKey, boolean denied, String deniedReason) {
    JobResult result =
        new JobResult()
            .setType(JobResultType.USER_TASK)
            .setDenied(denied)
            .setDeniedReason(deniedReason == null ? "" : deniedReason);
    write(jobKey, new JobRecord().setResult(result), ValueType.JOB, JobIntent.COMPLETE);
  }

  private void write(long key, UnifiedRecordValue value, ValueType type, Intent intent) {
    writer.writeCommandWithKey(
        key,
        value,
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .requestStreamId(1)
            .valueType(type)
            .intent(intent));
  }

  private static org.agrona.DirectBuffer msgpack(Map<String, Object> variables) {
    try {
      return BufferUtil.wrapArray(
          MsgPackConverter.convertToMsgPack(JSON.writeValueAsString(variables)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static <T> T read(Class<?> owner, Object instance, String name, Class<T> type) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return type.cast(field.get(instance));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Zeebe Process Test " + name + " not found; was the engine upgraded?", e);
    }
  }
}
