package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Running autovacuum workers and when each started, per table. The table comes from the worker's
 * own relation id rather than upstream's parsing of the query text, which broke on quoted names.
 */
public final class StatActivityAutovacuumCollector implements Collector<Connection> {
  static final String SQL = "SELECT COALESCE(c.relname, split_part(a.query, '.', 2)) AS relname,"
      + " extract(epoch FROM a.xact_start) AS started FROM pg_stat_activity a "
      + "LEFT JOIN pg_stat_progress_vacuum p ON p.pid = a.pid "
      + "LEFT JOIN pg_class c ON c.oid = p.relid "
      + "WHERE a.backend_type = 'autovacuum worker' AND a.xact_start IS NOT NULL";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter started = sink.gauge(
        "pg_stat_activity_autovacuum_timestamp_seconds",
        "Start timestamp of the vacuum process in seconds", "relname");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        started.add(rs.getDouble("started"), Sql.text(rs, "relname"));
      }
    }
  }
}
