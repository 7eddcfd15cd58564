package com.chatcommerce.manualpayments.support;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.JobResult;
import io.camunda.zeebe.process.test.engine.EngineLog;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;

/**
 * The in-memory engine's gateway drops a job's result (ARCHITECTURE.md), so a task listener's
 * denial sent through the client would complete the task there instead of denying it. This
 * test-only gRPC interceptor takes a job completion that carries a result, writes it to the
 * engine's log itself, as Camunda's gateway does, and answers the worker as the gateway would: OK
 * once the engine completed the job, the engine's rejection otherwise. Completions without a result
 * pass through untouched. Only user-task denials are carried: the application sends nothing else.
 */
public final class InMemoryGatewayJobResults implements ClientInterceptor {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

  private final InMemoryEngine engine;

  public InMemoryGatewayJobResults(InMemoryEngine engine) {
    this.engine = engine;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    if (!method
        .getFullMethodName()
        .equals(GatewayGrpc.getCompleteJobMethod().getFullMethodName())) {
      return next.newCall(method, options);
    }
    return new ResultCarryingCall<>(method, options, next);
  }

  /** Holds the call back until its request shows whether it carries a result. */
  private final class ResultCarryingCall<Q, R> extends ClientCall<Q, R> {
    private final MethodDescriptor<Q, R> method;
    private final CallOptions options;
    private final Channel next;
    private Listener<R> listener;
    private Metadata headers;
    private int requested;
    private Q request;

    ResultCarryingCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      this.method = method;
      this.options = options;
      this.next = next;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      this.listener = listener;
      this.headers = headers;
    }

    @Override
    public void request(int messages) {
      requested += messages;
    }

    @Override
    public void sendMessage(Q message) {
      request = message;
    }

    @Override
    public void halfClose() {
      CompleteJobRequest completion = (CompleteJobRequest) request;
      if (!completion.hasResult()) {
        ClientCall<Q, R> call = next.newCall(method, options);
        call.start(listener, headers);
        call.request(Math.max(requested, 1));
        call.sendMessage(request);
        call.halfClose();
        return;
      }
      Status status = writeToLog(completion);
      listener.onHeaders(new Metadata());
      if (status.isOk()) {
        @SuppressWarnings("unchecked")
        R response = (R) CompleteJobResponse.getDefaultInstance();
        listener.onMessage(response);
      }
      listener.onClose(status, new Metadata());
    }

    @Override
    public void cancel(String message, Throwable cause) {}
  }

  private Status writeToLog(CompleteJobRequest completion) {
    JobResult result = completion.getResult();
    boolean userTask = result.getType().replace("_", "").equalsIgnoreCase("userTask");
    String variables = completion.getVariables().replaceAll("\\s", "");
    boolean corrects = result.hasCorrections() && !result.getCorrections().getAllFields().isEmpty();
    if (!userTask || corrects || !(variables.isEmpty() || variables.equals("{}"))) {
      return Status.UNIMPLEMENTED.withDescription(
          "this test gateway carries only user-task denials: "
              + completion.toString().replace('\n', ' '));
    }
    long jobKey = completion.getJobKey();
    long after = lastPosition();
    EngineLog.of(engine.engine())
        .completeListenerJob(jobKey, result.getDenied(), result.getDeniedReason());
    long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Record<?>> outcome = outcome(jobKey, after);
      if (outcome.isPresent()) {
        Record<?> record = outcome.get();
        return record.getRecordType() == RecordType.COMMAND_REJECTION
            ? status(record.getRejectionType()).withDescription(record.getRejectionReason())
            : Status.OK;
      }
      sleep();
    }
    return Status.DEADLINE_EXCEEDED.withDescription(
        "the engine did not answer the completion of job " + jobKey);
  }

  /** The status Camunda's gateway answers a rejection with. */
  private static Status status(RejectionType rejection) {
    return switch (rejection) {
      case NOT_FOUND -> Status.NOT_FOUND;
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
      case UNAUTHORIZED, FORBIDDEN -> Status.PERMISSION_DENIED;
      default -> Status.FAILED_PRECONDITION;
    };
  }

  private Optional<Record<?>> outcome(long jobKey, long after) {
    for (Record<?> r : EngineRecords.of(engine)) {
      if (r.getPosition() > after
          && r.getKey() == jobKey
          && (r.getRecordType() == RecordType.COMMAND_REJECTION
                  && r.getIntent() == JobIntent.COMPLETE
              || r.getRecordType() == RecordType.EVENT && r.getIntent() == JobIntent.COMPLETED)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private long lastPosition() {
    return EngineRecords.lastPosition(engine);
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
