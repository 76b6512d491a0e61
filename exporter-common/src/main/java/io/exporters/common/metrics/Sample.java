package io.exporters.common.metrics;

import java.util.List;

/**
 * One exposed line: full sample name (family name plus a suffix such as {@code _bucket}), label
 * pairs sorted by name, and the value.
 */
public record Sample(String name, List<String> labelNames, List<String> labelValues, double value) {
  public Sample {
    labelNames = List.copyOf(labelNames);
    labelValues = List.copyOf(labelValues);
  }

  /** Identity of the series within its family: name and label pairs. */
  SeriesKey seriesKey() {
    return new SeriesKey(name, labelNames, labelValues);
  }

  record SeriesKey(String name, List<String> labelNames, List<String> labelValues) {}

}
