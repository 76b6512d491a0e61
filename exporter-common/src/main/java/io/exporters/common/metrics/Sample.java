package io.exporters.common.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One exposed line: full sample name (family name plus a suffix such as {@code _bucket}), label
 * pairs sorted by name, and the value. Label values are held in a plain array: a scrape makes
 * tens of thousands of these, and a list around each array is a third of their weight.
 */
public final class Sample {
  private final String name;
  private final List<String> labelNames;
  private final String[] labelValues;
  private final double value;

  public Sample(String name, List<String> labelNames, List<String> labelValues, double value) {
    this(name, List.copyOf(labelNames), labelValues.toArray(new String[0]), value);
  }

  /**
   * A sample that keeps {@code labelValues} as it is, not a copy: for a store that holds many
   * series and publishes them again and again. The caller never changes the array afterwards.
   */
  public static Sample sharing(String name, List<String> labelNames, String[] labelValues,
      double value) {
    return new Sample(name, List.copyOf(labelNames), labelValues, value);
  }

  /** {@code labelNames} immutable and {@code labelValues} owned by the sample from now on. */
  Sample(String name, List<String> labelNames, String[] labelValues, double value) {
    if (labelNames.size() != labelValues.length) {
      throw new IllegalArgumentException(name + ": " + labelNames.size() + " label names, "
          + labelValues.length + " values");
    }
    this.name = name;
    this.labelNames = labelNames;
    this.labelValues = labelValues;
    this.value = value;
  }

  public String name() {
    return name;
  }

  public List<String> labelNames() {
    return labelNames;
  }

  /** A read-only view; {@link #labelValue(int)} reads one without making it. */
  public List<String> labelValues() {
    return Collections.unmodifiableList(Arrays.asList(labelValues));
  }

  public int labelCount() {
    return labelValues.length;
  }

  public String labelValue(int i) {
    return labelValues[i];
  }

  public double value() {
    return value;
  }

  /** Same name, label names and label values: the same series. */
  boolean sameSeries(Sample other) {
    return name.equals(other.name)
        && (labelNames == other.labelNames || labelNames.equals(other.labelNames))
        && Arrays.equals(labelValues, other.labelValues);
  }

  /** Identity of the series within its family: name and label pairs. */
  SeriesKey seriesKey() {
    return new SeriesKey(name, labelNames, List.of(labelValues));
  }

  record SeriesKey(String name, List<String> labelNames, List<String> labelValues) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s && sameSeries(s) && Double.compare(value, s.value) == 0;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(labelValues);
  }

  @Override
  public String toString() {
    return name + labelNames + Arrays.toString(labelValues) + " " + value;
  }
}
