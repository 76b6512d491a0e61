package io.exporters.scraper.health;

/**
 * A module's {@code health:} compiled: the format (or AUTO), whether an unhealthy answer fails
 * the probe, and how many components are exported at most.
 */
public record HealthCheck(HealthFormat format, boolean failIfUnhealthy, int maxComponents) {
  public static final int DEFAULT_MAX_COMPONENTS = 100;
}
