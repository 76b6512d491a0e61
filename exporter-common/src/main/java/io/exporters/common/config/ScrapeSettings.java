package io.exporters.common.config;

import java.time.Duration;

/**
 * {@code scrape:} deadlines and connection handling: at most {@code max_connections_per_target}
 * per target, {@code max_connections} for the configured targets and {@code
 * max_probe_connections} for the targets /probe requests name, two budgets neither can take from
 * the other; {@code max_concurrent_probes} /probe requests at once (fixed at start: it sizes the
 * HTTP threads). {@code timeout} caps the deadline taken from
 * Prometheus' header; {@code default_timeout} applies when there is no header; {@code
 * timeout_margin} is kept back so the answer arrives before Prometheus gives up.
 */
public record ScrapeSettings(
    Duration timeout,
    Duration defaultTimeout,
    Duration timeoutMargin,
    Integer maxConnectionsPerTarget,
    Integer maxConnections,
    Integer maxProbeConnections,
    Integer maxConcurrentProbes,
    Duration connectionIdleTimeout,
    Duration targetIdleTimeout) {
  /** Backend connections of the configured targets (the derived ones included). */
  static final int DEFAULT_MAX_CONNECTIONS = 10;
  /** Backend connections of the targets /probe requests name. */
  static final int DEFAULT_MAX_PROBE_CONNECTIONS = 10;
  /** /probe requests answered at once; more get a 503 at once instead of queueing. */
  static final int DEFAULT_MAX_CONCURRENT_PROBES = 40;

  public static ScrapeSettings defaults() {
    return new ScrapeSettings(null, null, null, null, null, null, null, null, null).withDefaults();
  }

  public ScrapeSettings withDefaults() {
    return new ScrapeSettings(
        timeout == null ? Duration.ofSeconds(60) : timeout,
        defaultTimeout == null ? Duration.ofSeconds(10) : defaultTimeout,
        timeoutMargin == null ? Duration.ofMillis(500) : timeoutMargin,
        maxConnectionsPerTarget == null ? 3 : maxConnectionsPerTarget,
        maxConnections == null ? DEFAULT_MAX_CONNECTIONS : maxConnections,
        maxProbeConnections == null ? DEFAULT_MAX_PROBE_CONNECTIONS : maxProbeConnections,
        maxConcurrentProbes == null ? DEFAULT_MAX_CONCURRENT_PROBES : maxConcurrentProbes,
        connectionIdleTimeout == null ? Duration.ofMinutes(2) : connectionIdleTimeout,
        targetIdleTimeout == null ? Duration.ofMinutes(10) : targetIdleTimeout);
  }
}
