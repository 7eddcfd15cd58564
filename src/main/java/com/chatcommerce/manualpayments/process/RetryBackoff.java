package com.chatcommerce.manualpayments.process;

import java.time.Duration;

/**
 * How long a failed job waits before its next try: {@code first} after the first failure, doubling
 * with each failure after it, never longer than {@code longest}. The failures so far are counted
 * from the retries the job has left, against the {@code retries} the process model gives each job.
 */
record RetryBackoff(Duration first, Duration longest, int retries) {

  RetryBackoff {
    if (!first.isPositive() || longest.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "the first retry backoff must be positive and no longer than the longest, got "
              + first
              + " and "
              + longest);
    }
  }

  /**
   * The wait after a failure of a job activated with {@code jobRetries} retries: a job that has
   * used none waits {@code first}.
   */
  Duration after(int jobRetries) {
    int failuresBefore = Math.min(Math.max(retries - jobRetries, 0), 20);
    Duration backoff = first.multipliedBy(1L << failuresBefore);
    return backoff.compareTo(longest) > 0 ? longest : backoff;
  }
}
