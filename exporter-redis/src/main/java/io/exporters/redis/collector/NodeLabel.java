package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.MetricType;
import java.util.Arrays;

/** A sink that adds {@code node="host:port"} to every series written through it. */
final class NodeLabel implements MetricSink {
  private final MetricSink sink;
  private final String node;

  NodeLabel(MetricSink sink, String node) {
    this.sink = sink;
    this.node = node;
  }

  @Override
  public SeriesWriter family(MetricType type, String name, String help, String... labelNames) {
    SeriesWriter writer = sink.family(type, name, help, with(labelNames, "node"));
    return new SeriesWriter() {
      @Override
      public void add(double value, String... labelValues) {
        writer.add(value, with(labelValues, node));
      }

      @Override
      public void addHistogram(double[] upperBounds, long[] cumulativeCounts, double sum,
          long count, String... labelValues) {
        writer.addHistogram(upperBounds, cumulativeCounts, sum, count, with(labelValues, node));
      }

      @Override
      public void addSummary(double[] quantiles, double[] values, double sum, long count,
          String... labelValues) {
        writer.addSummary(quantiles, values, sum, count, with(labelValues, node));
      }
    };
  }

  private static String[] with(String[] items, String extra) {
    String[] out = Arrays.copyOf(items, items.length + 1);
    out[items.length] = extra;
    return out;
  }
}
