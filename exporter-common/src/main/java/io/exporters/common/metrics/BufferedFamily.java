package io.exporters.common.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The series of one family while a {@link MetricBuffer} collects them: appended as written,
 * then sorted by labels (one pass when written in order) and rid of repeats once, when the
 * family is finished. Not thread-safe; the buffer guards it.
 */
final class BufferedFamily {
  /** Orders series by label names, then label values, as Go's client sorts a family. */
  static final Comparator<Sample> BY_LABELS = (a, b) -> {
    List<String> aNames = a.labelNames();
    List<String> bNames = b.labelNames();
    // Samples of one writer share their names list: only values need comparing then.
    boolean sameNames = aNames == bNames;
    int n = Math.min(a.labelCount(), b.labelCount());
    for (int i = 0; i < n; i++) {
      int c = sameNames ? 0 : aNames.get(i).compareTo(bNames.get(i));
      if (c != 0) {
        return c;
      }
      String av = a.labelValue(i);
      String bv = b.labelValue(i);
      c = av == bv ? 0 : av.compareTo(bv);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.labelCount(), b.labelCount());
  };

  final String name;
  final MetricType type;
  final String help;
  final boolean grouped;
  List<Sample> samples;
  boolean inOrder = true;
  // Written in order with two neighbours equal: a repeat to drop when finishing.
  boolean repeats;
  MetricFamily whole;
  MetricFamily finished;
  // Series already held, for histograms and summaries (whose samples stay grouped) and for
  // families merged from another collector.
  Set<Sample.SeriesKey> index;
  /** Series dropped as repeats so far. */
  int dropped;

  BufferedFamily(String name, MetricType type, String help, int expected) {
    this.samples = new ArrayList<>(Math.max(10, expected));
    this.name = name;
    this.type = type;
    this.help = help;
    this.grouped = type == MetricType.HISTOGRAM || type == MetricType.SUMMARY;
  }

  void append(Sample sample) {
    if (whole != null) {
      expand();
    }
    int size = samples.size();
    if (inOrder && size > 0) {
      int c = BY_LABELS.compare(samples.get(size - 1), sample);
      inOrder = c <= 0;
      repeats |= c == 0;
    }
    samples.add(sample);
    finished = null;
  }

  boolean holds(Sample sample) {
    expand();
    if (index == null) {
      index = new HashSet<>();
      for (Sample s : samples) {
        index.add(s.seriesKey());
      }
    }
    return index.contains(sample.seriesKey());
  }

  /** Adds another collector's series; returns how many it already had. */
  int merge(List<Sample> others) {
    expand();
    int dropped = 0;
    for (Sample s : others) {
      if (holds(s)) {
        dropped++;
      } else {
        index.add(s.seriesKey());
        append(s);
      }
    }
    return dropped;
  }

  void expand() {
    if (whole != null) {
      samples = new ArrayList<>(whole.samples());
      whole = null;
    }
  }

  MetricFamily finish() {
    if (whole != null) {
      return whole;
    }
    if (finished == null) {
      if (!grouped && (!inOrder || repeats)) {
        samples.sort(BY_LABELS);
        dropAdjacentDuplicates();
        inOrder = true;
        repeats = false;
      }
      finished = new MetricFamily(name, type, help, samples);
    }
    return finished;
  }

  /** After sorting, repeats are neighbours; the first written stays (the sort is stable). */
  private void dropAdjacentDuplicates() {
    int kept = 0;
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (kept > 0 && samples.get(kept - 1).sameSeries(s)) {
        dropped++;
        continue;
      }
      samples.set(kept++, s);
    }
    if (kept < samples.size()) {
      samples.subList(kept, samples.size()).clear();
      if (index != null) {
        index = null;
      }
    }
  }
}
