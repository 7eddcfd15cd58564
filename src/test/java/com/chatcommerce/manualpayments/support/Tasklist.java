package com.chatcommerce.manualpayments.support;

import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tasklist's channel on the in-memory engine. Tasklist V2 assigns and completes a Camunda user task
 * with the engine's own user-task commands, sent through the cluster's REST API; the in-memory
 * engine has no REST API, so this writes the same commands to its log ({@code EngineLog}). The
 * engine, the task's completing listener and the application's real workers do the rest.
 */
public final class Tasklist {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final InMemoryEngine engine;

  public Tasklist(InMemoryEngine engine) {
    this.engine = engine;
  }

  /**
   * How the engine ended a completion: completed; denied by the listener, with its reason; the task
   * canceled meanwhile by a boundary event; or the command rejected (null outcome), with the
   * reason.
   */
  public record Completion(UserTaskIntent outcome, String reason) {
    public boolean completed() {
      return outcome == UserTaskIntent.COMPLETED;
    }

    public boolean denied() {
      return outcome == UserTaskIntent.COMPLETION_DENIED;
    }
  }

  /** The instance's open review task, once the engine created it. */
  public long openTask(long processInstanceKey) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Long> open =
          userTaskRecords()
              .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
              .filter(r -> r.getIntent() == UserTaskIntent.CREATED)
              .map(Record::getKey)
              .filter(key -> !ended(key))
              .reduce((first, last) -> last);
      if (open.isPresent()) {
        return open.get();
      }
      sleep();
    }
    throw new AssertionError(
        "no open user task in process instance " + processInstanceKey + " within " + WAIT);
  }

  /** A manager's "Assign to me". */
  public void assign(long userTaskKey, String manager) {
    long after = lastPosition();
    engine.log().assignUserTask(userTaskKey, manager);
    await(userTaskKey, after, UserTaskIntent.ASSIGNED);
  }

  /**
   * A manager's "Complete task" with the form's data; returns once the engine ended the attempt,
   * also when a boundary event closed the review while its completing listener ran (the engine then
   * terminates the task's element without a user-task event).
   */
  public Completion complete(long userTaskKey, Map<String, Object> formData) {
    long after = lastPosition();
    long element = task(userTaskKey).getElementInstanceKey();
    engine.log().completeUserTask(userTaskKey, formData);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Record<UserTaskRecordValue>> end =
          firstAfter(
              userTaskKey,
              after,
              UserTaskIntent.COMPLETED,
              UserTaskIntent.COMPLETION_DENIED,
              UserTaskIntent.CANCELED);
      if (end.isPresent()) {
        Record<UserTaskRecordValue> record = end.get();
        return record.getRecordType() == RecordType.COMMAND_REJECTION
            ? new Completion(null, record.getRejectionReason())
            : new Completion((UserTaskIntent) record.getIntent(), deniedReason(record.getValue()));
      }
      if (terminated(element)) {
        return new Completion(
            UserTaskIntent.CANCELED, "the review closed while the completing listener ran");
      }
      sleep();
    }
    throw notEnded(userTaskKey, after);
  }

  /** The task as the engine last recorded it. */
  public UserTaskRecordValue task(long userTaskKey) {
    return userTaskRecords()
        .filter(r -> r.getKey() == userTaskKey && r.getRecordType() == RecordType.EVENT)
        .reduce((first, last) -> last)
        .orElseThrow()
        .getValue();
  }

  /**
   * The listener's reason for a denial, which 8.8's public record interface does not expose yet.
   */
  public static String deniedReason(UserTaskRecordValue task) {
    return ((UserTaskRecord) task).getDeniedReason();
  }

  private boolean ended(long userTaskKey) {
    return userTaskRecords()
        .anyMatch(
            r ->
                r.getKey() == userTaskKey
                    && (r.getIntent() == UserTaskIntent.COMPLETED
                        || r.getIntent() == UserTaskIntent.CANCELED));
  }

  /**
   * The first of the given events for the task after {@code after}, or the engine's rejection of
   * the command.
   */
  private Record<UserTaskRecordValue> await(
      long userTaskKey, long after, UserTaskIntent... events) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Record<UserTaskRecordValue>> found = firstAfter(userTaskKey, after, events);
      if (found.isPresent()) {
        return found.get();
      }
      sleep();
    }
    throw notEnded(userTaskKey, after);
  }

  private Optional<Record<UserTaskRecordValue>> firstAfter(
      long userTaskKey, long after, UserTaskIntent... events) {
    return userTaskRecords()
        .filter(r -> r.getPosition() > after && r.getKey() == userTaskKey)
        .filter(
            r ->
                r.getRecordType() == RecordType.COMMAND_REJECTION
                    || r.getRecordType() == RecordType.EVENT
                        && List.of(events).contains(r.getIntent()))
        .findFirst();
  }

  private boolean terminated(long elementInstanceKey) {
    return EngineRecords.of(engine, ValueType.PROCESS_INSTANCE)
        .anyMatch(
            r ->
                r.getKey() == elementInstanceKey
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  private AssertionError notEnded(long userTaskKey, long after) {
    long instance = task(userTaskKey).getProcessInstanceKey();
    return new AssertionError(
        "the engine did not end the command on user task "
            + userTaskKey
            + " within "
            + WAIT
            + "; the instance's records: "
            + EngineRecords.of(engine).stream()
                .filter(
                    r ->
                        r.getValue()
                                instanceof
                                io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated
                                    related
                            && related.getProcessInstanceKey() == instance)
                .map(
                    r ->
                        r.getPosition()
                            + ":"
                            + r.getKey()
                            + " "
                            + r.getValueType()
                            + " "
                            + r.getRecordType()
                            + " "
                            + r.getIntent())
                .toList());
  }

  private Stream<Record<UserTaskRecordValue>> userTaskRecords() {
    return EngineRecords.of(engine, ValueType.USER_TASK);
  }

  private long lastPosition() {
    return EngineRecords.lastPosition(engine);
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
