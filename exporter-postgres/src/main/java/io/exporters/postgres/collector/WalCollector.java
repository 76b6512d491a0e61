package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * WAL directory: segment count and size. Needs pg_monitor (pg_ls_waldir); without it this
 * collector alone reports success 0.
 */
public final class WalCollector implements Collector<Connection> {
  static final String SQL = "SELECT count(*) AS segments, COALESCE(sum(size), 0) AS size "
      + "FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$'";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        sink.gauge("pg_wal_segments", "Number of WAL segments").add(rs.getDouble("segments"));
        sink.gauge("pg_wal_size_bytes", "Total size of WAL segments").add(rs.getDouble("size"));
      }
    }
  }
}
