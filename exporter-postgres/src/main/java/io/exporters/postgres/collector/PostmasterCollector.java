package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_postmaster_start_time(): when the server started, in unix seconds. */
public final class PostmasterCollector implements Collector<Connection> {
  static final String SQL =
      "SELECT extract(epoch FROM pg_postmaster_start_time()) AS start_time";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        sink.gauge("pg_postmaster_start_time_seconds",
            "Time at which postmaster started").add(rs.getDouble("start_time"));
      }
    }
  }
}
