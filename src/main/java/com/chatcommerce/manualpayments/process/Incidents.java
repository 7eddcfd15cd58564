package com.chatcommerce.manualpayments.process;

import com.chatcommerce.manualpayments.error.NotFoundException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Puts a job whose retries ran out back to work once its fault is gone (the database is back, a
 * rate was added): gives the job retries and resolves its incident, as Operate's "Retry" does.
 */
@Service
public class Incidents {

  private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);

  private final CamundaClient camunda;

  public Incidents(CamundaClient camunda) {
    this.camunda = camunda;
  }

  public void retry(long incidentKey, long jobKey, int retries, String actor) {
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
    LOG.info("incident={} job={} retried with {} retries by {}", incidentKey, jobKey, retries, actor);
  }
}
