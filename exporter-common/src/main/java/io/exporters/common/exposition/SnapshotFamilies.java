package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.MetricType;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.List;

/**
 * Turns client_java snapshots (the JVM, process and self-metrics) into our families, so that the
 * whole of {@code /metrics} is written by one writer in the Go client's style. Names are those
 * client_java's own text writer uses: counters end in {@code _total}, info metrics in
 * {@code _info}.
 */
public final class SnapshotFamilies {
  private SnapshotFamilies() {}

  public static List<MetricFamily> of(MetricSnapshots snapshots) {
    MetricBuffer buffer = new MetricBuffer();
    for (MetricSnapshot snapshot : snapshots) {
      add(buffer, snapshot);
    }
    return buffer.families();
  }

  private static void add(MetricBuffer buffer, MetricSnapshot snapshot) {
    String name = snapshot.getMetadata().getPrometheusName();
    String help = snapshot.getMetadata().getHelp();
    if (snapshot instanceof CounterSnapshot counter) {
      for (CounterSnapshot.CounterDataPointSnapshot p : counter.getDataPoints()) {
        writer(buffer, MetricType.COUNTER, name + "_total", help, p).add(p.getValue(),
            values(p.getLabels()));
      }
    } else if (snapshot instanceof GaugeSnapshot gauge) {
      for (GaugeSnapshot.GaugeDataPointSnapshot p : gauge.getDataPoints()) {
        writer(buffer, MetricType.GAUGE, name, help, p).add(p.getValue(), values(p.getLabels()));
      }
    } else if (snapshot instanceof InfoSnapshot info) {
      for (InfoSnapshot.InfoDataPointSnapshot p : info.getDataPoints()) {
        writer(buffer, MetricType.GAUGE, name + "_info", help, p).add(1, values(p.getLabels()));
      }
    } else if (snapshot instanceof UnknownSnapshot unknown) {
      for (UnknownSnapshot.UnknownDataPointSnapshot p : unknown.getDataPoints()) {
        writer(buffer, MetricType.UNTYPED, name, help, p).add(p.getValue(), values(p.getLabels()));
      }
    } else if (snapshot instanceof SummarySnapshot summary) {
      for (SummarySnapshot.SummaryDataPointSnapshot p : summary.getDataPoints()) {
        Quantiles q = p.getQuantiles();
        double[] quantiles = new double[q.size()];
        double[] quantileValues = new double[q.size()];
        for (int i = 0; i < q.size(); i++) {
          quantiles[i] = q.get(i).getQuantile();
          quantileValues[i] = q.get(i).getValue();
        }
        writer(buffer, MetricType.SUMMARY, name, help, p).addSummary(quantiles, quantileValues,
            p.hasSum() ? p.getSum() : 0, p.hasCount() ? p.getCount() : 0, values(p.getLabels()));
      }
    } else if (snapshot instanceof HistogramSnapshot histogram) {
      for (HistogramSnapshot.HistogramDataPointSnapshot p : histogram.getDataPoints()) {
        ClassicHistogramBuckets b = p.getClassicBuckets();
        double[] bounds = new double[b.size()];
        long[] cumulative = new long[b.size()];
        long total = 0;
        for (int i = 0; i < b.size(); i++) {
          total += b.getCount(i);
          bounds[i] = b.getUpperBound(i);
          cumulative[i] = total;
        }
        writer(buffer, MetricType.HISTOGRAM, name, help, p).addHistogram(bounds, cumulative,
            p.hasSum() ? p.getSum() : 0, p.hasCount() ? p.getCount() : total,
            values(p.getLabels()));
      }
    } else if (snapshot instanceof StateSetSnapshot stateSet) {
      for (StateSetSnapshot.StateSetDataPointSnapshot p : stateSet.getDataPoints()) {
        Labels labels = p.getLabels();
        String[] names = withExtra(names(labels), name);
        MetricSink.SeriesWriter w = buffer.gauge(name, help, names);
        for (int i = 0; i < p.size(); i++) {
          w.add(p.isTrue(i) ? 1 : 0, withExtra(values(labels), p.getName(i)));
        }
      }
    }
  }

  private static MetricSink.SeriesWriter writer(MetricBuffer buffer, MetricType type, String name,
      String help, DataPointSnapshot point) {
    return buffer.family(type, name, help, names(point.getLabels()));
  }

  private static String[] names(Labels labels) {
    String[] out = new String[labels.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels.getPrometheusName(i);
    }
    return out;
  }

  private static String[] values(Labels labels) {
    String[] out = new String[labels.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels.getValue(i);
    }
    return out;
  }

  private static String[] withExtra(String[] items, String extra) {
    String[] out = java.util.Arrays.copyOf(items, items.length + 1);
    out[items.length] = extra;
    return out;
  }
}
