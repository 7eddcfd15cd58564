package com.chatcommerce.manualpayments.process;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a technical fault in any worker (database down, optimistic lock lost, a bug) into a failed
 * job with one retry fewer and an exponential backoff. When the retries run out the engine raises
 * an incident, visible in Operate with the fault's message. Business outcomes do not come here:
 * workers throw them as BPMN errors, which the delegate passes on unchanged. A {@link
 * RetryLaterException} waits without using up a retry; an {@link IncidentException} uses up all of
 * them at once.
 */
public class RetryingJobExceptionStrategy implements JobExceptionHandlingStrategy {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingJobExceptionStrategy.class);

  private final JobExceptionHandlingStrategy delegate;
  private final RetryBackoff backoff;

  RetryingJobExceptionStrategy(JobExceptionHandlingStrategy delegate, RetryBackoff backoff) {
    this.delegate = delegate;
    this.backoff = backoff;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof CamundaError) {
      delegate.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    if (exception instanceof RetryLaterException later) {
      LOG.info(
          "job {} of type {} waits {}: {}",
          job.getKey(),
          job.getType(),
          later.backoff(),
          later.getMessage());
      delegate.handleException(
          new JobError(later.getMessage(), null, job.getRetries(), later.backoff(), later),
          context);
      return;
    }
    if (exception instanceof IncidentException incident) {
      LOG.warn(
          "job {} of type {} failed for good: {}",
          job.getKey(),
          job.getType(),
          incident.getMessage());
      delegate.handleException(
          new JobError(incident.getMessage(), null, 0, Duration.ZERO, incident), context);
      return;
    }
    int retriesLeft = Math.max(job.getRetries() - 1, 0);
    Duration wait = backoff.after(job.getRetries());
    LOG.warn(
        "job {} of type {} failed ({} retries left, next in {}): {}",
        job.getKey(),
        job.getType(),
        retriesLeft,
        wait,
        exception.toString());
    JobError failure =
        new JobError(
            exception.getClass().getSimpleName() + ": " + exception.getMessage(),
            null,
            retriesLeft,
            wait,
            exception);
    delegate.handleException(failure, context);
  }
}
