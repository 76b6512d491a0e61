package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long idle backends have been idle, as a histogram per state and application. Upstream
 * reads only the first row of its grouped query; this exports every group.
 */
public final class ProcessIdleCollector implements Collector<Connection> {
  static final double[] BUCKETS = {1, 2, 5, 15, 30, 60, 90, 120, 300};
  static final String SQL = "SELECT state, COALESCE(application_name, '') AS application_name, "
      + "extract(epoch FROM clock_timestamp() - state_change) AS idle_seconds "
      + "FROM pg_stat_activity WHERE state ~ '^idle' AND pid <> pg_backend_pid()";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    Map<List<String>, double[]> observations = new LinkedHashMap<>();
    Map<List<String>, long[]> counts = new LinkedHashMap<>();
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        List<String> key = List.of(rs.getString("state"), rs.getString("application_name"));
        double seconds = rs.getDouble("idle_seconds");
        long[] buckets = counts.computeIfAbsent(key, k -> new long[BUCKETS.length + 1]);
        double[] sum = observations.computeIfAbsent(key, k -> new double[1]);
        sum[0] += seconds;
        for (int i = 0; i < BUCKETS.length; i++) {
          if (seconds <= BUCKETS[i]) {
            buckets[i]++;
          }
        }
        buckets[BUCKETS.length]++;
      }
    }
    MetricSink.SeriesWriter histogram = sink.histogram("pg_process_idle_seconds",
        "Idle time of server processes", "state", "application_name");
    for (Map.Entry<List<String>, long[]> e : counts.entrySet()) {
      long[] b = e.getValue();
      histogram.addHistogram(BUCKETS, java.util.Arrays.copyOf(b, BUCKETS.length),
          observations.get(e.getKey())[0], b[BUCKETS.length], e.getKey().get(0),
          e.getKey().get(1));
    }
  }
}
