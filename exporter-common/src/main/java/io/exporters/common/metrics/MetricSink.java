package io.exporters.common.metrics;

/**
 * Where a collector writes its series. Asking twice for the same family returns a writer for the same
 * family, so series can be added in a loop. A series written twice (same name and labels) keeps its
 * first value and the second is dropped and counted, never failing the scrape.
 */
public interface MetricSink {
  SeriesWriter family(MetricType type, String name, String help, String... labelNames);

  /**
   * Adds a finished family whole; returns how many of its series were dropped as repeats. For
   * data a collector keeps between scrapes: added as the same object each time, it is written to
   * text once, not once a scrape. This default (for sinks that relabel what they pass on) writes
   * it series by series, which only gauges, counters and untyped families can be.
   */
  default int add(MetricFamily family) {
    if (family.type() == MetricType.HISTOGRAM || family.type() == MetricType.SUMMARY) {
      throw new IllegalArgumentException(family.name() + ": a " + family.type().text()
          + " family cannot be passed on series by series");
    }
    for (Sample s : family.samples()) {
      family(family.type(), family.name(), family.help(), s.labelNames().toArray(String[]::new))
          .add(s.value(), s.labelValues().toArray(String[]::new));
    }
    return 0;
  }

  default SeriesWriter gauge(String name, String help, String... labelNames) {
    return family(MetricType.GAUGE, name, help, labelNames);
  }

  default SeriesWriter counter(String name, String help, String... labelNames) {
    return family(MetricType.COUNTER, name, help, labelNames);
  }

  default SeriesWriter untyped(String name, String help, String... labelNames) {
    return family(MetricType.UNTYPED, name, help, labelNames);
  }

  default SeriesWriter histogram(String name, String help, String... labelNames) {
    return family(MetricType.HISTOGRAM, name, help, labelNames);
  }

  default SeriesWriter summary(String name, String help, String... labelNames) {
    return family(MetricType.SUMMARY, name, help, labelNames);
  }

  /** Adds series to one family; label values in the order the label names were given. */
  interface SeriesWriter {
    void add(double value, String... labelValues);

    /**
     * Adds one histogram series. {@code cumulativeCounts[i]} counts observations {@code <=
     * upperBounds[i]}; a +Inf bucket equal to {@code count} is added when missing.
     */
    void addHistogram(
        double[] upperBounds, long[] cumulativeCounts, double sum, long count, String... labelValues);

    /** Adds one summary series: a value per quantile, then its sum and count. */
    default void addSummary(double[] quantiles, double[] values, double sum, long count,
        String... labelValues) {
      throw new IllegalStateException("not a summary family");
    }
  }
}
