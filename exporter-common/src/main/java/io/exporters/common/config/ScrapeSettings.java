package io.exporters.common.config;

import java.time.Duration;

/**
 * {@code scrape:} deadlines and connection handling. {@code timeout} caps the deadline taken from
 * Prometheus' header; {@code default_timeout} applies when there is no header; {@code
 * timeout_margin} is kept back so the answer arrives before Prometheus gives up.
 */
public record ScrapeSettings(
    Duration timeout,
    Duration defaultTimeout,
    Duration timeoutMargin,
    Integer maxConnectionsPerTarget,
    Duration connectionIdleTimeout,
    Duration targetIdleTimeout) {

  public static ScrapeSettings defaults() {
    return new ScrapeSettings(null, null, null, null, null, null).withDefaults();
  }

  public ScrapeSettings withDefaults() {
    return new ScrapeSettings(
        timeout == null ? Duration.ofSeconds(60) : timeout,
        defaultTimeout == null ? Duration.ofSeconds(10) : defaultTimeout,
        timeoutMargin == null ? Duration.ofMillis(500) : timeoutMargin,
        maxConnectionsPerTarget == null ? 3 : maxConnectionsPerTarget,
        connectionIdleTimeout == null ? Duration.ofMinutes(2) : connectionIdleTimeout,
        targetIdleTimeout == null ? Duration.ofMinutes(10) : targetIdleTimeout);
  }
}
