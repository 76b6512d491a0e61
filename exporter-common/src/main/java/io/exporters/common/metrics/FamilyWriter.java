package io.exporters.common.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes series into one family of a {@link MetricBuffer}: puts label values in label-name
 * order, and spells out a histogram's buckets, sum and count or a summary's quantiles.
 */
final class FamilyWriter implements MetricSink.SeriesWriter {
  final BufferedFamily family;
  final String[] labelNames;
  private final Object lock;
  private final Runnable onDrop;
  private final List<String> sortedNames;
  private final int[] order;
  private final boolean identity;

  /** {@code lock} guards the family; {@code onDrop} counts a dropped series. */
  FamilyWriter(BufferedFamily family, String[] labelNames, Object lock, Runnable onDrop) {
    this.family = family;
    this.labelNames = labelNames;
    this.lock = lock;
    this.onDrop = onDrop;
    this.order = labelOrder(labelNames);
    List<String> names = new ArrayList<>(labelNames.length);
    boolean same = true;
    for (int k = 0; k < order.length; k++) {
      names.add(labelNames[order[k]]);
      same &= order[k] == k;
    }
    this.identity = same;
    this.sortedNames = List.copyOf(names);
  }

  /**
   * The positions of the label names in sorted order: an insertion sort, as a family has a few
   * labels and a writer is made for every family of every scrape.
   */
  private static int[] labelOrder(String[] labelNames) {
    int[] order = new int[labelNames.length];
    for (int i = 0; i < order.length; i++) {
      int at = i;
      while (at > 0 && labelNames[order[at - 1]].compareTo(labelNames[i]) > 0) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = i;
    }
    return order;
  }

  @Override
  public void add(double value, String... labelValues) {
    if (family.grouped) {
      throw new IllegalStateException(family.name + " is a " + family.type.text()
          + ": use addHistogram or addSummary");
    }
    Sample sample = new Sample(family.name, sortedNames, sortedValues(labelValues), value);
    synchronized (lock) {
      family.append(sample);
    }
  }

  @Override
  public void addHistogram(
      double[] upperBounds, long[] cumulativeCounts, double sum, long count,
      String... labelValues) {
    if (family.type != MetricType.HISTOGRAM) {
      throw new IllegalStateException(family.name + " is not a histogram");
    }
    if (upperBounds.length != cumulativeCounts.length) {
      throw new IllegalArgumentException("bounds and counts differ in length on " + family.name);
    }
    String[] values = sortedValues(labelValues);
    synchronized (lock) {
      Sample countSample = new Sample(family.name + "_count", sortedNames, values, count);
      if (family.holds(countSample)) {
        onDrop.run();
        return;
      }
      family.index.add(countSample.seriesKey());
      List<String> bucketNames = withName(sortedNames, "le");
      boolean hasInf = false;
      for (int i = 0; i < upperBounds.length; i++) {
        hasInf |= upperBounds[i] == Double.POSITIVE_INFINITY;
        family.append(extra(bucketNames, values, upperBounds[i], "_bucket",
            cumulativeCounts[i]));
      }
      if (!hasInf) {
        family.append(extra(bucketNames, values, Double.POSITIVE_INFINITY, "_bucket", count));
      }
      family.append(new Sample(family.name + "_sum", sortedNames, values, sum));
      family.append(countSample);
    }
  }

  @Override
  public void addSummary(double[] quantiles, double[] values, double sum, long count,
      String... labelValues) {
    if (family.type != MetricType.SUMMARY) {
      throw new IllegalStateException(family.name + " is not a summary");
    }
    String[] labels = sortedValues(labelValues);
    synchronized (lock) {
      Sample countSample = new Sample(family.name + "_count", sortedNames, labels, count);
      if (family.holds(countSample)) {
        onDrop.run();
        return;
      }
      family.index.add(countSample.seriesKey());
      List<String> quantileNames = withName(sortedNames, "quantile");
      for (int i = 0; i < quantiles.length; i++) {
        family.append(extra(quantileNames, labels, quantiles[i], "", values[i]));
      }
      family.append(new Sample(family.name + "_sum", sortedNames, labels, sum));
      family.append(countSample);
    }
  }

  /** A bucket or quantile sample: the series' labels plus {@code le} or {@code quantile}. */
  private Sample extra(List<String> names, String[] values, double bound, String suffix,
      double value) {
    String[] withBound = Arrays.copyOf(values, values.length + 1);
    withBound[values.length] = GoFloat.format(bound);
    return new Sample(family.name + suffix, names, withBound, value);
  }

  private static List<String> withName(List<String> names, String extra) {
    List<String> out = new ArrayList<>(names);
    out.add(extra);
    return List.copyOf(out);
  }

  private String[] sortedValues(String[] labelValues) {
    if (labelValues.length != order.length) {
      throw new IllegalArgumentException(
          family.name + " takes " + order.length + " label values, got " + labelValues.length);
    }
    String[] values = new String[order.length];
    for (int i = 0; i < order.length; i++) {
      String v = labelValues[identity ? i : order[i]];
      values[i] = v == null ? "" : v;
    }
    // Ours alone from here: the sample keeps it as is.
    return values;
  }
}
