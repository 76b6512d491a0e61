package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_stat_database_conflicts: queries cancelled on a standby, by cause. Upstream still serves this
 * from its legacy path, with the {@code server} label; kept for the dashboards that use it.
 */
public final class StatDatabaseConflictsCollector implements Collector<Connection> {
  private static final String[][] COLUMNS = {
      {"confl_tablespace", "Number of queries in this database that have been canceled due to "
          + "dropped tablespaces"},
      {"confl_lock", "Number of queries in this database that have been canceled due to lock "
          + "timeouts"},
      {"confl_snapshot", "Number of queries in this database that have been canceled due to old "
          + "snapshots"},
      {"confl_bufferpin", "Number of queries in this database that have been canceled due to "
          + "pinned buffers"},
      {"confl_deadlock", "Number of queries in this database that have been canceled due to "
          + "deadlocks"},
  };
  static final String SQL = "SELECT datid, datname, confl_tablespace, confl_lock, "
      + "confl_snapshot, confl_bufferpin, confl_deadlock FROM pg_stat_database_conflicts";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    String server = ServerLabel.of(ctx.target());
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String datid = rs.getString("datid");
        String datname = Sql.text(rs, "datname");
        for (String[] c : COLUMNS) {
          sink.counter("pg_stat_database_conflicts_" + c[0], c[1], "datid", "datname", "server")
              .add(rs.getDouble(c[0]), datid, datname, server);
        }
      }
    }
  }
}
