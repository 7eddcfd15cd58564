package com.chatcommerce.manualpayments.process;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Puts a job whose retries ran out back to work once its fault is gone (the database is back, a
 * rate was added): gives the job retries and resolves its incident, as Operate's "Retry" does. Only
 * the incident's own job gets retries: a job key of another incident is refused before anything
 * changes.
 */
@Service
public class IncidentService {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);

  /**
   * How the engine names the job that blocks an incident (Zeebe 8.8.21, IncidentResolveProcessor's
   * NO_RETRIES_LEFT_MSG). If a later engine words it otherwise, every retry of a job incident is
   * refused with 409 instead of retrying a job that may not be the incident's.
   */
  private static final Pattern BLOCKING_JOB =
      Pattern.compile("job with key '(\\d+)' has no retries left");

  private final CamundaClient camunda;

  public IncidentService(CamundaClient camunda) {
    this.camunda = camunda;
  }

  public void retry(long incidentKey, long jobKey, int retries, String actor) {
    OptionalLong incidentJob = resolveOrFindBlockingJob(incidentKey);
    if (incidentJob.isEmpty()) {
      LOG.info(
          "incident={} resolved by {}; its job had retries already, job={} left as it was",
          incidentKey,
          actor,
          jobKey);
      return;
    }
    if (incidentJob.getAsLong() != jobKey) {
      throw new InvalidInputException(
          "jobKey",
          "is not the job of incident "
              + incidentKey
              + " (its job is "
              + incidentJob.getAsLong()
              + ")");
    }
    try {
      camunda.newUpdateRetriesCommand(jobKey).retries(retries).send().join();
      camunda.newResolveIncidentCommand(incidentKey).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        throw new NotFoundException("job or incident", jobKey + "/" + incidentKey);
      }
      throw new EngineUnavailableException("retry incident " + incidentKey, e);
    } catch (RuntimeException e) {
      throw new EngineUnavailableException("retry incident " + incidentKey, e);
    }
    LOG.info(
        "incident={} job={} retried with {} retries by {}", incidentKey, jobKey, retries, actor);
  }

  /**
   * Asks the engine to resolve the incident as it is. While the incident's job has no retries, the
   * engine refuses and names that job: the one way to learn an incident's job through commands,
   * without the search API (which needs secondary storage and read permissions this application
   * does not have). The refusal changes nothing. Empty when the incident was resolved: it had no
   * job, or its job had been given retries already (in Operate).
   */
  private OptionalLong resolveOrFindBlockingJob(long incidentKey) {
    try {
      camunda.newResolveIncidentCommand(incidentKey).send().join();
      return OptionalLong.empty();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        throw new NotFoundException("incident", incidentKey);
      }
      Matcher blocking = BLOCKING_JOB.matcher(String.valueOf(e.getMessage()));
      if (e.getStatusCode() == Status.Code.FAILED_PRECONDITION && blocking.find()) {
        return OptionalLong.of(Long.parseLong(blocking.group(1)));
      }
      if (e.getStatusCode() == Status.Code.FAILED_PRECONDITION) {
        throw new ConflictException(
            "the engine refused to resolve incident " + incidentKey + ": " + e.getMessage());
      }
      throw new EngineUnavailableException("retry incident " + incidentKey, e);
    } catch (RuntimeException e) {
      throw new EngineUnavailableException("retry incident " + incidentKey, e);
    }
  }
}
