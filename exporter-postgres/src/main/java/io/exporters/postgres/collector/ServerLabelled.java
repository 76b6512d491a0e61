package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.MetricType;
import io.exporters.common.scrape.ScrapeContext;
import io.exporters.postgres.Compat;
import java.sql.Connection;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * In 0.11 compatibility, adds postgres_exporter 0.11's {@code server="host:port"} label to every
 * series a collector writes (unless it has one already); otherwise passes the sink through.
 */
public final class ServerLabelled implements Collector<Connection> {
  private final Supplier<Compat> compat;
  private final Collector<Connection> inner;

  public ServerLabelled(Supplier<Compat> compat, Collector<Connection> inner) {
    this.compat = compat;
    this.inner = inner;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    inner.collect(ctx, compat.get() == Compat.V0_11
        ? new WithServer(sink, ServerLabel.of(ctx.target())) : sink);
  }

  private record WithServer(MetricSink sink, String server) implements MetricSink {
    @Override
    public SeriesWriter family(MetricType type, String name, String help, String... labelNames) {
      if (Arrays.asList(labelNames).contains("server")) {
        return sink.family(type, name, help, labelNames);
      }
      String[] names = Arrays.copyOf(labelNames, labelNames.length + 1);
      names[labelNames.length] = "server";
      SeriesWriter writer = sink.family(type, name, help, names);
      return new SeriesWriter() {
        @Override
        public void add(double value, String... labelValues) {
          writer.add(value, withServer(labelValues));
        }

        @Override
        public void addHistogram(double[] upperBounds, long[] cumulativeCounts, double sum,
            long count, String... labelValues) {
          writer.addHistogram(upperBounds, cumulativeCounts, sum, count, withServer(labelValues));
        }
      };
    }

    private String[] withServer(String[] labelValues) {
      String[] values = Arrays.copyOf(labelValues, labelValues.length + 1);
      values[labelValues.length] = server;
      return values;
    }
  }
}
