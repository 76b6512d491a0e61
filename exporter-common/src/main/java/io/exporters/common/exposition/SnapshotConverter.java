package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.Sample;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns our families into client_java snapshots for the OpenMetrics and protobuf writers. Those
 * writers append {@code _total} to every counter, so a counter whose exposed name lacks it is
 * handed over as {@code unknown}: the series keeps the name dashboards query.
 */
public final class SnapshotConverter {
  private SnapshotConverter() {}

  public static List<MetricSnapshot> toSnapshots(List<MetricFamily> families) {
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    for (MetricFamily family : families) {
      if (!family.samples().isEmpty()) {
        out.add(toSnapshot(family));
      }
    }
    return out;
  }

  static MetricSnapshot toSnapshot(MetricFamily family) {
    switch (family.type()) {
      case GAUGE: {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help());
        for (Sample s : family.samples()) {
          b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
              .labels(labels(s)).value(s.value()).build());
        }
        return b.build();
      }
      case COUNTER:
        if (family.name().endsWith("_total")) {
          CounterSnapshot.Builder b =
              CounterSnapshot.builder().name(family.name()).help(family.help());
          for (Sample s : family.samples()) {
            b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(labels(s)).value(s.value()).build());
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
    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(family.name()).help(family.help());
    for (Sample s : family.samples()) {
      b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
          .labels(labels(s)).value(s.value()).build());
    }
    return b.build();
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
