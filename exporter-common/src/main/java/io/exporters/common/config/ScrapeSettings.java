package io.exporters.common.config;

import java.time.Duration;

/**
 * {@code scrape:} deadlines and connection handling: at most {@code max_connections_per_target}
 * per target and {@code max_connections} in all. {@code timeout} caps the deadline taken from
 * Prometheus' header; {@code default_timeout} applies when there is no header; {@code
 * timeout_margin} is kept back so the answer arrives before Prometheus gives up.
 */
public record ScrapeSettings(
    Duration timeout,
    Duration defaultTimeout,
    Duration timeoutMargin,
    Integer maxConnectionsPerTarget,
    Integer maxConnections,
    Duration connectionIdleTimeout,
    Duration targetIdleTimeout) {
  /** Backend connections of the whole process, over every target (/probe included). */
  static final int DEFAULT_MAX_CONNECTIONS = 10;

  public static ScrapeSettings defaults() {
    return new ScrapeSettings(null, null, null, null, null, null, null).withDefaults();
  }

  public ScrapeSettings withDefaults() {
    return new ScrapeSettings(
        timeout == null ? Duration.ofSeconds(60) : timeout,
        defaultTimeout == null ? Duration.ofSeconds(10) : defaultTimeout,
        timeoutMargin == null ? Duration.ofMillis(500) : timeoutMargin,
        maxConnectionsPerTarget == null ? 3 : maxConnectionsPerTarget,
        maxConnections == null ? DEFAULT_MAX_CONNECTIONS : maxConnections,
        connectionIdleTimeout == null ? Duration.ofMinutes(2) : connectionIdleTimeout,
        targetIdleTimeout == null ? Duration.ofMinutes(10) : targetIdleTimeout);
  }
}
