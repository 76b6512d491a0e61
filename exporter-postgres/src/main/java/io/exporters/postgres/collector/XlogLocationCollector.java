package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The WAL position in bytes on servers before PostgreSQL 10 (the xlog functions were renamed to
 * wal then); gated to those versions, so on newer servers it is skipped rather than failed.
 */
public final class XlogLocationCollector implements Collector<Connection> {
  static final String SQL = "SELECT CASE WHEN pg_is_in_recovery() "
      + "THEN pg_xlog_location_diff(pg_last_xlog_replay_location(), '0/0') "
      + "ELSE pg_xlog_location_diff(pg_current_xlog_location(), '0/0') END AS bytes";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        sink.gauge("pg_xlog_location_bytes", "Postgres LSN (log sequence number) being "
            + "generated on primary or replayed on replica (truncated to low 52 bits)")
            .add(Sql.number(rs, "bytes") % Math.pow(2, 52));
      }
    }
  }
}
