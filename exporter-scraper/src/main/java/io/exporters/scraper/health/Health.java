package io.exporters.scraper.health;

/**
 * How healthy a state word says something is, whatever the format's vocabulary: 1 healthy,
 * 0.5 degraded, 0 unhealthy, NaN unknown (so an alert on {@code < 1} does not fire on it).
 */
public enum Health {
  HEALTHY(1),
  DEGRADED(0.5),
  UNHEALTHY(0),
  UNKNOWN(Double.NaN);

  private final double value;

  Health(double value) {
    this.value = value;
  }

  public double value() {
    return value;
  }
}
