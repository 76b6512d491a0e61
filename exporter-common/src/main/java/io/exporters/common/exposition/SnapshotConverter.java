package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.Sample;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns our families into client_java snapshots for the protobuf writer. It appends
 * {@code _total} to every counter, so a counter whose exposed name lacks it is handed over as
 * {@code unknown}: the series keeps the name dashboards query. A summary whose quantiles are not
 * 0-1 (redis_exporter's are percentiles: {@code quantile="99"}) cannot be a protobuf summary, so
 * its quantile, {@code _sum} and {@code _count} samples become three untyped families of those
 * names, as the text format shows them. client_java refuses two data points with the same labels
 * in one family (it throws, which was a 500): a repeated label set is kept once, by construction.
 */
public final class SnapshotConverter {
  private SnapshotConverter() {}

  public static List<MetricSnapshot> toSnapshots(List<MetricFamily> families) {
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    for (MetricFamily family : families) {
      if (family.samples().isEmpty()) {
        continue;
      }
      if (family.type() == io.exporters.common.metrics.MetricType.SUMMARY) {
        out.addAll(summary(family));
      } else {
        out.add(toSnapshot(family));
      }
    }
    return out;
  }

  static MetricSnapshot toSnapshot(MetricFamily family) {
    switch (family.type()) {
      case GAUGE: {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help());
        Set<Labels> seen = new HashSet<>();
        for (Sample s : family.samples()) {
          Labels labels = labels(s);
          if (seen.add(labels)) {
            b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(labels).value(s.value()).build());
          }
        }
        return b.build();
      }
      case COUNTER:
        if (family.name().endsWith("_total")) {
          CounterSnapshot.Builder b =
              CounterSnapshot.builder().name(family.name()).help(family.help());
          Set<Labels> seen = new HashSet<>();
          for (Sample s : family.samples()) {
            Labels labels = labels(s);
            if (seen.add(labels)) {
              b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                  .labels(labels).value(s.value()).build());
            }
          }
          return b.build();
        }
        return unknown(family);
      case HISTOGRAM:
        return histogram(family);
      default:
        return unknown(family);
    }
  }

  private static MetricSnapshot unknown(MetricFamily family) {
    return untyped(family.name(), family.help(), family.samples());
  }

  private static MetricSnapshot untyped(String name, String help, List<Sample> samples) {
    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
    Set<Labels> seen = new HashSet<>();
    for (Sample s : samples) {
      Labels labels = labels(s);
      if (seen.add(labels)) {
        b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
            .labels(labels).value(s.value()).build());
      }
    }
    return b.build();
  }

  /** A protobuf summary when its quantiles are 0-1, else its three sample names untyped. */
  private static List<MetricSnapshot> summary(MetricFamily family) {
    Map<Labels, List<double[]>> quantiles = new LinkedHashMap<>();
    Map<Labels, Double> sums = new LinkedHashMap<>();
    Map<Labels, Double> counts = new LinkedHashMap<>();
    Map<String, List<Sample>> byName = new LinkedHashMap<>();
    boolean fractions = true;
    for (Sample s : family.samples()) {
      byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
      if (s.name().equals(family.name() + "_sum")) {
        sums.put(labels(s), s.value());
      } else if (s.name().equals(family.name() + "_count")) {
        counts.put(labels(s), s.value());
      } else {
        List<String> names = new ArrayList<>(s.labelNames());
        List<String> values = new ArrayList<>(s.labelValues());
        int at = names.indexOf("quantile");
        double q = at < 0 ? Double.NaN : parseQuantile(values.get(at));
        fractions &= q >= 0 && q <= 1;
        if (at >= 0) {
          names.remove(at);
          values.remove(at);
        }
        quantiles.computeIfAbsent(Labels.of(names, values), k -> new ArrayList<>())
            .add(new double[] {q, s.value()});
      }
    }
    if (!fractions) {
      List<MetricSnapshot> out = new ArrayList<>();
      byName.forEach((name, samples) -> out.add(untyped(name, family.help(), samples)));
      return out;
    }
    Set<Labels> all = new java.util.LinkedHashSet<>(quantiles.keySet());
    all.addAll(sums.keySet());
    all.addAll(counts.keySet());
    SummarySnapshot.Builder b = SummarySnapshot.builder().name(family.name()).help(family.help());
    for (Labels labels : all) {
      Quantiles.Builder q = Quantiles.builder();
      Set<Double> seen = new HashSet<>();
      for (double[] point : quantiles.getOrDefault(labels, List.of())) {
        if (seen.add(point[0])) {
          q.quantile(point[0], point[1]);
        }
      }
      SummarySnapshot.SummaryDataPointSnapshot.Builder p =
          SummarySnapshot.SummaryDataPointSnapshot.builder().labels(labels).quantiles(q.build());
      if (sums.containsKey(labels)) {
        p.sum(sums.get(labels));
      }
      if (counts.containsKey(labels)) {
        p.count((long) (double) counts.get(labels));
      }
      b.dataPoint(p.build());
    }
    return List.of(b.build());
  }

  private static double parseQuantile(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static MetricSnapshot histogram(MetricFamily family) {
    Map<Labels, List<double[]>> buckets = new LinkedHashMap<>();
    Map<Labels, Double> sums = new LinkedHashMap<>();
    for (Sample s : family.samples()) {
      if (s.name().endsWith("_bucket")) {
        List<String> names = new ArrayList<>(s.labelNames());
        List<String> values = new ArrayList<>(s.labelValues());
        int le = names.indexOf("le");
        double bound = parseBound(values.get(le));
        names.remove(le);
        values.remove(le);
        buckets.computeIfAbsent(Labels.of(names, values), k -> new ArrayList<>())
            .add(new double[] {bound, s.value()});
      } else if (s.name().endsWith("_sum")) {
        sums.put(labels(s), s.value());
      }
    }
    HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(family.name()).help(family.help());
    for (Map.Entry<Labels, List<double[]>> e : buckets.entrySet()) {
      List<double[]> cumulative = e.getValue();
      cumulative.sort((x, y) -> Double.compare(x[0], y[0]));
      double[] bounds = new double[cumulative.size()];
      long[] counts = new long[cumulative.size()];
      long previous = 0;
      for (int i = 0; i < bounds.length; i++) {
        bounds[i] = cumulative.get(i)[0];
        long c = (long) cumulative.get(i)[1];
        counts[i] = Math.max(0, c - previous);
        previous = c;
      }
      b.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
          .labels(e.getKey())
          .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
          .sum(sums.getOrDefault(e.getKey(), 0.0))
          .build());
    }
    return b.build();
  }

  private static double parseBound(String le) {
    return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }

  private static Labels labels(Sample s) {
    return s.labelNames().isEmpty() ? Labels.EMPTY : Labels.of(s.labelNames(), s.labelValues());
  }
}
