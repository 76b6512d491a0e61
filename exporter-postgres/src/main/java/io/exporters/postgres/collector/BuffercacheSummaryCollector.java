package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * pg_buffercache_summary() (PostgreSQL 16+): shared buffers used, unused, dirty and pinned, and
 * their average usage count. Needs the pg_buffercache extension in the connected database.
 */
public final class BuffercacheSummaryCollector implements Collector<Connection> {
  static final String SQL = "SELECT buffers_used, buffers_unused, buffers_dirty, buffers_pinned, "
      + "usagecount_avg FROM pg_buffercache_summary()";
  private static final String[][] COLUMNS = {
      {"buffers_used", "Number of used shared buffers"},
      {"buffers_unused", "Number of unused shared buffers"},
      {"buffers_dirty", "Number of dirty shared buffers"},
      {"buffers_pinned", "Number of pinned shared buffers"},
      {"usagecount_avg", "Average usage count of used shared buffers"},
  };

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        for (String[] c : COLUMNS) {
          sink.gauge("pg_buffercache_summary_" + c[0], c[1]).add(Sql.number(rs, c[0]));
        }
      }
    } catch (SQLException e) {
      if ("42883".equals(e.getSQLState())) {
        throw new SQLException("pg_buffercache is not installed in this database: run CREATE "
            + "EXTENSION pg_buffercache", e.getSQLState(), e);
      }
      throw e;
    }
  }
}
