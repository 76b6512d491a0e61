package io.exporters.common.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects families in memory as collectors write them, and merges the outputs of several
 * collectors into one scrape. A series written twice keeps its first value; the second is
 * dropped and counted, as is a family that clashes with an earlier one of another type. Series
 * come out sorted by labels (as Go writes them); they are kept in a plain list and sorted and
 * de-duplicated once at the end, which costs one pass when they were written in order.
 */
public final class MetricBuffer implements MetricSink {
  private final Map<String, BufferedFamily> families = new LinkedHashMap<>();
  // Collectors ask for the same family once per row; reuse its checked writer.
  private final Map<String, FamilyWriter> writers = new HashMap<>();
  private final int expectedPerFamily;
  private int droppedSeries;

  public MetricBuffer() {
    this(0);
  }

  /**
   * A buffer whose families start with room for {@code expectedPerFamily} series (what the
   * collector wrote last time), so tens of thousands of series are not copied while lists grow.
   */
  public MetricBuffer(int expectedPerFamily) {
    this.expectedPerFamily = expectedPerFamily;
  }

  @Override
  public synchronized SeriesWriter family(
      MetricType type, String name, String help, String... labelNames) {
    FamilyWriter known = writers.get(name);
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
    BufferedFamily family = families.computeIfAbsent(name,
        n -> new BufferedFamily(n, type, help, expectedPerFamily));
    if (family.type != type) {
      return new DroppingWriter(labelNames.length, this, this::dropped);
    }
    FamilyWriter writer = new FamilyWriter(family, labelNames.clone(), this, this::dropped);
    writers.put(name, writer);
    return writer;
  }

  /** Adds a finished family (from another collector); returns how many series were dropped. */
  @Override
  public synchronized int add(MetricFamily other) {
    BufferedFamily family = families.get(other.name());
    if (family == null) {
      // Already free of duplicates: kept whole until another family of this name arrives.
      family = new BufferedFamily(other.name(), other.type(), other.help(), 0);
      family.whole = other;
      families.put(other.name(), family);
      return 0;
    }
    if (family.type != other.type()) {
      droppedSeries += other.samples().size();
      return other.samples().size();
    }
    int dropped = family.merge(other.samples());
    droppedSeries += dropped;
    return dropped;
  }

  public synchronized int droppedSeries() {
    int repeats = 0;
    for (BufferedFamily family : families.values()) {
      family.finish();
      repeats += family.dropped;
    }
    return droppedSeries + repeats;
  }

  private void dropped() {
    droppedSeries++;
  }

  /** The families in first-written order, each one's series sorted by labels. */
  public synchronized List<MetricFamily> families() {
    List<MetricFamily> out = new ArrayList<>(families.size());
    for (BufferedFamily family : families.values()) {
      MetricFamily finished = family.finish();
      if (!finished.samples().isEmpty()) {
        out.add(finished);
      }
    }
    return out;
  }
}
