package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.process.IncidentService;
import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** For scripts that recover from an outage; the job and incident keys are shown in Operate. */
@Tag(name = "Incidents", description = "Retrying a failed job after an outage")
@RestController
class IncidentController {

  private final IncidentService incidents;

  IncidentController(IncidentService incidents) {
    this.incidents = incidents;
  }

  record RetryRequest(
      @Schema(description = "The failed job's key, as Operate shows it.") @Min(1) Long jobKey,
      @Schema(
              description =
                  "Retries the job gets; " + ManualPaymentProcess.JOB_RETRIES + " when absent.")
          @Min(1)
          @Max(10)
          Integer retries) {}

  @Operation(
      description =
          "Gives the incident's job retries and resolves the incident; a job of another incident gets 400 on jobKey.")
  @PostMapping("/api/v1/incidents/{incidentKey}/retry")
  @ProblemResponses({400, 404, 409, 503})
  ResponseEntity<Void> retry(
      @PathVariable @Min(1) long incidentKey,
      @Valid @RequestBody RetryRequest body,
      Authentication caller) {
    if (body.jobKey() == null) {
      throw new InvalidInputException("jobKey", "is required");
    }
    int retries = body.retries() == null ? ManualPaymentProcess.JOB_RETRIES : body.retries();
    incidents.retry(incidentKey, body.jobKey(), retries, Callers.name(caller));
    return ResponseEntity.noContent().build();
  }
}
