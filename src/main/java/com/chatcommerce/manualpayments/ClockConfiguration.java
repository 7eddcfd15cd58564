package com.chatcommerce.manualpayments;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

  /**
   * Ticks in microseconds because MySQL keeps DATETIME(6): a timestamp read back then equals the
   * one written, which keyset cursors rely on. The zone decides what "today" is for a payment date.
   */
  @Bean
  Clock clock(@Value("${manual-payments.time-zone}") String zone) {
    return Clock.tick(Clock.system(ZoneId.of(zone)), Duration.ofNanos(1_000));
  }
}
