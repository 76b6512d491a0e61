package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.MetricType;
import io.exporters.postgres.settings.Compat;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds labels to every series a collector writes, unless the series has that label already:
 * the configured constant labels, and in 0.11 compatibility postgres_exporter 0.11's
 * {@code server="host:port"}. With neither, the sink passes through untouched.
 */
public final class ExtraLabels implements Collector<Connection> {
  private final boolean serverLabel;
  private final Map<String, String> constant;
  private final Collector<Connection> inner;

  public ExtraLabels(Compat compat, Map<String, String> constant, Collector<Connection> inner) {
    this.serverLabel = compat == Compat.V0_11;
    this.constant = Map.copyOf(constant);
    this.inner = inner;
  }

  /** {@code inner} as it is when there is nothing to add. */
  public static Collector<Connection> around(Compat compat, Map<String, String> constant,
      Collector<Connection> inner) {
    return compat == Compat.V0_11 || !constant.isEmpty()
        ? new ExtraLabels(compat, constant, inner) : inner;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    Map<String, String> extra = new LinkedHashMap<>(constant);
    if (serverLabel) {
      extra.putIfAbsent("server", ServerLabel.of(ctx.target()));
    }
    inner.collect(ctx, extra.isEmpty() ? sink : new Labelled(sink, extra));
  }

  private record Labelled(MetricSink sink, Map<String, String> extra) implements MetricSink {
    @Override
    public SeriesWriter family(MetricType type, String name, String help, String... labelNames) {
      List<String> names = new ArrayList<>(Arrays.asList(labelNames));
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, String> e : extra.entrySet()) {
        if (!names.contains(e.getKey())) {
          names.add(e.getKey());
          values.add(e.getValue());
        }
      }
      if (values.isEmpty()) {
        return sink.family(type, name, help, labelNames);
      }
      String[] added = values.toArray(String[]::new);
      SeriesWriter writer = sink.family(type, name, help, names.toArray(String[]::new));
      return new SeriesWriter() {
        @Override
        public void add(double value, String... labelValues) {
          writer.add(value, concat(labelValues, added));
        }

        @Override
        public void addHistogram(double[] upperBounds, long[] cumulativeCounts, double sum,
            long count, String... labelValues) {
          writer.addHistogram(upperBounds, cumulativeCounts, sum, count,
              concat(labelValues, added));
        }
      };
    }

    private static String[] concat(String[] values, String[] added) {
      String[] all = Arrays.copyOf(values, values.length + added.length);
      System.arraycopy(added, 0, all, values.length, added.length);
      return all;
    }
  }
}
