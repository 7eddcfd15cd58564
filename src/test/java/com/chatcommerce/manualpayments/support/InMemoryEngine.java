package com.chatcommerce.manualpayments.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.EngineLog;
import io.camunda.zeebe.process.test.filters.RecordStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Zeebe Process Test's in-memory engine, reached through the same {@link CamundaClient} the
 * application uses. Test classpath only: the engine's licence allows no production use.
 */
public final class InMemoryEngine implements AutoCloseable {

  private final ZeebeTestEngine engine;
  private final EngineLog log;
  private final CamundaClient client;
  private boolean closed;

  private InMemoryEngine(ZeebeTestEngine engine) {
    this.engine = engine;
    this.log = EngineLog.of(engine);
    this.client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(grpcAddress(engine)))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static InMemoryEngine start() {
    return start(freePort());
  }

  /** On a given port: a client that knew an engine stopped there reconnects to this one. */
  public static InMemoryEngine start(int port) {
    ZeebeTestEngine engine = EngineFactory.create(port);
    engine.start();
    return new InMemoryEngine(engine);
  }

  /**
   * The engine names its gateway {@code 0.0.0.0:port}; it listens on loopback only (see {@link
   * LoopbackGrpcServerProvider}), so clients are given the loopback address itself.
   */
  public static String grpcAddress(ZeebeTestEngine engine) {
    return "http://127.0.0.1:" + port(engine);
  }

  public static int port(ZeebeTestEngine engine) {
    String address = engine.getGatewayAddress();
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  public int port() {
    return port(engine);
  }

  public String grpcAddress() {
    return grpcAddress(engine);
  }

  public CamundaClient client() {
    return client;
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  /**
   * Deploys the application's models and forms, as the application does at start: for a test of the
   * models without the application, or one that starts the application without its deployment (one
   * whose engine is missing or slow at start).
   */
  public void deployModels() {
    client
        .newDeployResourceCommand()
        .addResourceFile("processes/manual-payment.bpmn")
        .addResourceFile("processes/manual-payment-refund.bpmn")
        .addResourceFile("forms/manual-payment-review.form")
        .addResourceFile("forms/manual-payment-add.form")
        .send()
        .join();
  }

  /**
   * Writes what the in-memory gateway cannot carry (Tasklist's commands) straight to the engine's
   * log.
   */
  public EngineLog log() {
    return log;
  }

  /**
   * A clock that shows the engine's time, for an application whose deadlines the engine's timers
   * enforce.
   */
  public Clock clock(ZoneId zone) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return clock(other);
      }

      @Override
      public Instant instant() {
        return log.now().truncatedTo(ChronoUnit.MICROS);
      }
    };
  }

  /** Binds the assertions of the current thread to this engine's records. */
  public void useForAssertions() {
    BpmnAssert.initRecordStream(RecordStream.of(engine.getRecordStreamSource()));
  }

  public ProcessInstanceAssert assertThatInstance(long processInstanceKey) {
    return new ProcessInstanceAssert(processInstanceKey, BpmnAssert.getRecordStream());
  }

  public void idle() {
    try {
      engine.waitForIdleState(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the engine did not become idle", e);
    }
  }

  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
    idle();
  }

  /** Activates the next job of {@code type}, waiting up to 10 s for it to be created. */
  public ActivatedJob nextJob(String type) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      idle();
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(1)
              .send()
              .join()
              .getJobs();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
    }
    throw new AssertionError("no job of type " + type + " was created within 10 s");
  }

  /** Asserts that no job of {@code type} can be activated now. */
  public void assertNoJob(String type) {
    idle();
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).send().join().getJobs();
    if (!jobs.isEmpty()) {
      throw new AssertionError(
          "unexpected job of type " + type + " at " + jobs.get(0).getElementId());
    }
  }

  /** Stops the engine; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    client.close();
    engine.stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
