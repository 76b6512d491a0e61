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
  String seriesKey() {
    StringBuilder key = new StringBuilder(name);
    for (int i = 0; i < labelNames.size(); i++) {
      key.append('\u0000').append(labelNames.get(i)).append('\u0001').append(labelValues.get(i));
    }
    return key.toString();
  }

  public String label(String labelName) {
    int i = labelNames.indexOf(labelName);
    return i < 0 ? null : labelValues.get(i);
  }
}
