package com.chatcommerce.manualpayments.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff =
      new RetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(30), 5);

  @Test
  void theFirstFailureWaitsTheFirstBackoffAndEachFailureAfterItDoublesTheWait() {
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void theWaitNeverExceedsTheLongestBackoff() {
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aJobGivenMoreRetriesThanTheModelSaysWaitsTheFirstBackoff() {
    // Retries raised above the model's count (the engine's update-retries command) start afresh,
    // not at a negative number of failures.
    assertThat(backoff.after(8)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aJobFailingThousandsOfTimesStillGetsTheLongestBackoffWithoutOverflow() {
    // Doubling 4,999 times would overflow; the wait stops growing long before that.
    assertThat(new RetryBackoff(Duration.ofMillis(1), Duration.ofMinutes(10), 5_000).after(1))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aFirstBackoffLongerThanTheLongestIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofMinutes(10), Duration.ofMinutes(5), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT10M")
        .hasMessageContaining("PT5M");
    assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofMinutes(5), 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
