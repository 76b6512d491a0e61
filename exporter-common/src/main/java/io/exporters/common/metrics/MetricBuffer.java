package io.exporters.common.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects families in memory, dropping and counting duplicate series and families that clash with
 * an earlier one of another type. Also merges the outputs of several collectors into one scrape.
 */
public final class MetricBuffer implements MetricSink {
  private final Map<String, Family> families = new LinkedHashMap<>();
  // Collectors ask for the same family once per row; reuse its checked writer.
  private final Map<String, Writer> writers = new java.util.HashMap<>();
  private int droppedSeries;

  @Override
  public synchronized SeriesWriter family(
      MetricType type, String name, String help, String... labelNames) {
    Writer known = writers.get(name);
    if (known != null && known.family.type == type && Arrays.equals(known.labelNames, labelNames)) {
      return known;
    }
    if (!MetricNames.isValidMetricName(name)) {
      throw new IllegalArgumentException("invalid metric name '" + name + "'");
    }
    for (String label : labelNames) {
      if (!MetricNames.isValidLabelName(label)) {
        throw new IllegalArgumentException("invalid label name '" + label + "' on " + name);
      }
    }
    Family family = families.computeIfAbsent(name, n -> new Family(n, type, help));
    if (family.type != type) {
      return new DroppingWriter(labelNames.length);
    }
    Writer writer = new Writer(family, labelNames.clone());
    writers.put(name, writer);
    return writer;
  }

  /** Adds a finished family (from another collector); returns how many series were dropped. */
  public synchronized int add(MetricFamily other) {
    Family family = families.get(other.name());
    if (family == null) {
      // Already free of duplicates: kept whole until another family of this name arrives.
      family = new Family(other.name(), other.type(), other.help());
      family.whole = other;
      families.put(other.name(), family);
      return 0;
    }
    family.expand();
    if (family.type != other.type()) {
      droppedSeries += other.samples().size();
      return other.samples().size();
    }
    int dropped = 0;
    for (Sample sample : other.samples()) {
      if (!family.put(sample)) {
        dropped++;
      }
    }
    droppedSeries += dropped;
    return dropped;
  }

  public synchronized int droppedSeries() {
    return droppedSeries;
  }

  /** The families in first-written order; series of each family sorted by labels (as Go does). */
  public synchronized List<MetricFamily> families() {
    List<MetricFamily> out = new ArrayList<>(families.size());
    for (Family family : families.values()) {
      if (!family.isEmpty()) {
        out.add(family.toMetricFamily());
      }
    }
    return out;
  }

  private static final class Family {
    final String name;
    final MetricType type;
    final String help;
    // Keyed by label values alone for samples named as the family with its usual label names
    // (the common case: no key object, no hashing of names), else by the full series key.
    final Map<Object, Sample> samples = new LinkedHashMap<>();
    List<String> usualNames;
    MetricFamily whole;

    Family(String name, MetricType type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }

    void expand() {
      if (whole != null) {
        for (Sample s : whole.samples()) {
          samples.put(key(s), s);
        }
        whole = null;
      }
    }

    boolean isEmpty() {
      return whole == null ? samples.isEmpty() : whole.samples().isEmpty();
    }

    Object key(Sample sample) {
      if (!sample.name().equals(name)) {
        return sample.seriesKey();
      }
      List<String> names = sample.labelNames();
      if (usualNames == null) {
        usualNames = names;
      }
      return names == usualNames || names.equals(usualNames) ? sample.labelValues()
          : sample.seriesKey();
    }

    boolean put(Sample sample) {
      expand();
      return samples.putIfAbsent(key(sample), sample) == null;
    }

    MetricFamily toMetricFamily() {
      if (whole != null) {
        return whole;
      }
      List<Sample> list = new ArrayList<>(samples.values());
      if (type != MetricType.HISTOGRAM && type != MetricType.SUMMARY) {
        list.sort(BY_LABELS);
      }
      return new MetricFamily(name, type, help, list);
    }
  }

  private static final Comparator<Sample> BY_LABELS = (a, b) -> {
    List<String> aNames = a.labelNames();
    List<String> bNames = b.labelNames();
    // Samples of one writer share their names list: only values need comparing then.
    boolean sameNames = aNames == bNames;
    List<String> aValues = a.labelValues();
    List<String> bValues = b.labelValues();
    int n = Math.min(aValues.size(), bValues.size());
    for (int i = 0; i < n; i++) {
      int c = sameNames ? 0 : aNames.get(i).compareTo(bNames.get(i));
      if (c != 0) {
        return c;
      }
      String av = aValues.get(i);
      String bv = bValues.get(i);
      c = av == bv ? 0 : av.compareTo(bv);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(aValues.size(), bValues.size());
  };

  private final class Writer implements SeriesWriter {
    private final Family family;
    private final String[] labelNames;
    private final List<String> sortedNames;
    private final int[] order;

    Writer(Family family, String[] labelNames) {
      this.family = family;
      this.labelNames = labelNames;
      Integer[] idx = new Integer[labelNames.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, Comparator.comparing(i -> labelNames[i]));
      this.order = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
      List<String> names = new ArrayList<>(labelNames.length);
      for (int i : order) {
        names.add(labelNames[i]);
      }
      this.sortedNames = List.copyOf(names);
    }

    @Override
    public void add(double value, String... labelValues) {
      if (family.type == MetricType.HISTOGRAM || family.type == MetricType.SUMMARY) {
        throw new IllegalStateException(family.name + " is a " + family.type.text()
            + ": use addHistogram or addSummary");
      }
      put(new Sample(family.name, sortedNames, sortedValues(labelValues), value));
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
      List<String> values = sortedValues(labelValues);
      synchronized (MetricBuffer.this) {
        Sample countSample = new Sample(family.name + "_count", sortedNames, values, 0);
        family.expand();
        if (family.samples.containsKey(family.key(countSample))) {
          droppedSeries++;
          return;
        }
        List<String> bucketNames = new ArrayList<>(sortedNames);
        bucketNames.add("le");
        boolean hasInf = false;
        for (int i = 0; i < upperBounds.length; i++) {
          hasInf |= upperBounds[i] == Double.POSITIVE_INFINITY;
          family.put(bucket(bucketNames, values, upperBounds[i], cumulativeCounts[i]));
        }
        if (!hasInf) {
          family.put(bucket(bucketNames, values, Double.POSITIVE_INFINITY, count));
        }
        family.put(new Sample(family.name + "_sum", sortedNames, values, sum));
        family.put(new Sample(family.name + "_count", sortedNames, values, count));
      }
    }

    @Override
    public void addSummary(double[] quantiles, double[] values, double sum, long count,
        String... labelValues) {
      if (family.type != MetricType.SUMMARY) {
        throw new IllegalStateException(family.name + " is not a summary");
      }
      List<String> labels = sortedValues(labelValues);
      synchronized (MetricBuffer.this) {
        Sample countSample = new Sample(family.name + "_count", sortedNames, labels, count);
        family.expand();
        if (family.samples.containsKey(family.key(countSample))) {
          droppedSeries++;
          return;
        }
        List<String> quantileNames = new ArrayList<>(sortedNames);
        quantileNames.add("quantile");
        for (int i = 0; i < quantiles.length; i++) {
          List<String> quantileValues = new ArrayList<>(labels);
          quantileValues.add(GoFloat.format(quantiles[i]));
          family.put(new Sample(family.name, quantileNames, quantileValues, values[i]));
        }
        family.put(new Sample(family.name + "_sum", sortedNames, labels, sum));
        family.put(countSample);
      }
    }

    private Sample bucket(List<String> names, List<String> values, double bound, long count) {
      List<String> bucketValues = new ArrayList<>(values);
      bucketValues.add(GoFloat.format(bound));
      return new Sample(family.name + "_bucket", names, bucketValues, count);
    }

    private List<String> sortedValues(String[] labelValues) {
      if (labelValues.length != order.length) {
        throw new IllegalArgumentException(
            family.name + " takes " + order.length + " label values, got " + labelValues.length);
      }
      String[] values = new String[order.length];
      for (int i = 0; i < order.length; i++) {
        String v = labelValues[order[i]];
        values[i] = v == null ? "" : v;
      }
      // Immutable already, so Sample keeps it as is.
      return List.of(values);
    }

    private void put(Sample sample) {
      synchronized (MetricBuffer.this) {
        if (!family.put(sample)) {
          droppedSeries++;
        }
      }
    }
  }

  private final class DroppingWriter implements SeriesWriter {
    private final int labels;

    DroppingWriter(int labels) {
      this.labels = labels;
    }

    @Override
    public void add(double value, String... labelValues) {
      drop(labelValues);
    }

    @Override
    public void addHistogram(
        double[] upperBounds, long[] cumulativeCounts, double sum, long count,
        String... labelValues) {
      drop(labelValues);
    }

    @Override
    public void addSummary(double[] quantiles, double[] values, double sum, long count,
        String... labelValues) {
      drop(labelValues);
    }

    private void drop(String[] labelValues) {
      if (labelValues.length != labels) {
        throw new IllegalArgumentException("expected " + labels + " label values");
      }
      synchronized (MetricBuffer.this) {
        droppedSeries++;
      }
    }
  }
}
