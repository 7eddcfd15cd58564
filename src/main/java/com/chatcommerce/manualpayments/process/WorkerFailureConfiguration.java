package com.chatcommerce.manualpayments.process;

import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces the starter's default job failure handling with retries that back off. */
@Configuration
class WorkerFailureConfiguration {

  @Bean
  JobExceptionHandlingStrategy jobExceptionHandlingStrategy(
      CommandExceptionHandlingStrategy commands,
      MetricsRecorder metrics,
      @Value("${manual-payments.workers.first-retry-backoff}") Duration first,
      @Value("${manual-payments.workers.longest-retry-backoff}") Duration longest) {
    return new RetryingJobExceptionStrategy(
        new DefaultJobExceptionHandlingStrategy(commands, metrics),
        new RetryBackoff(first, longest, ManualPaymentProcess.JOB_RETRIES));
  }
}
