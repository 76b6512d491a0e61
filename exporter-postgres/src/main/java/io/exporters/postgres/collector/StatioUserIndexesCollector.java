package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_statio_user_indexes: index block reads and hits. Adds {@code datname} to upstream's labels,
 * since every database is visited and the same index name may exist in several.
 */
public final class StatioUserIndexesCollector implements Collector<Connection> {
  static final String SQL = "SELECT current_database() AS datname, schemaname, relname, "
      + "indexrelname, "
      + "COALESCE(idx_blks_read, 0) AS idx_blks_read, COALESCE(idx_blks_hit, 0) AS idx_blks_hit "
      + "FROM pg_statio_user_indexes";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter read = sink.counter("pg_statio_user_indexes_idx_blks_read_total",
        "Number of disk blocks read from this index", "datname", "schemaname", "relname",
        "indexrelname");
    MetricSink.SeriesWriter hit = sink.counter("pg_statio_user_indexes_idx_blks_hit_total",
        "Number of buffer hits in this index", "datname", "schemaname", "relname",
        "indexrelname");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String[] labels = Sql.labels(rs, "datname", "schemaname", "relname", "indexrelname");
        read.add(rs.getDouble("idx_blks_read"), labels);
        hit.add(rs.getDouble("idx_blks_hit"), labels);
      }
    }
  }
}
