package io.exporters.common.metrics;

/** The types of the Prometheus text format; {@link #text()} is the word written after # TYPE. */
public enum MetricType {
  COUNTER("counter"),
  GAUGE("gauge"),
  UNTYPED("untyped"),
  HISTOGRAM("histogram"),
  SUMMARY("summary");

  private final String text;

  MetricType(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
