package io.exporters.postgres.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_stat_database: per-database activity counters, named as upstream postgres_exporter. */
public final class StatDatabaseCollector implements Collector<Connection> {
  static final String[][] COUNTERS = {
      {"xact_commit", "Number of transactions in this database that have been committed"},
      {"xact_rollback", "Number of transactions in this database that have been rolled back"},
      {"blks_read", "Number of disk blocks read in this database"},
      {"blks_hit", "Number of times disk blocks were found already in the buffer cache"},
      {"tup_returned", "Number of rows returned by queries in this database"},
      {"tup_fetched", "Number of rows fetched by queries in this database"},
      {"tup_inserted", "Number of rows inserted by queries in this database"},
      {"tup_updated", "Number of rows updated by queries in this database"},
      {"tup_deleted", "Number of rows deleted by queries in this database"},
      {"conflicts", "Number of queries canceled due to conflicts with recovery in this database"},
      {"temp_files", "Number of temporary files created by queries in this database"},
      {"temp_bytes", "Total amount of data written to temporary files by queries in this "
          + "database"},
      {"deadlocks", "Number of deadlocks detected in this database"},
      {"blk_read_time", "Time spent reading data file blocks by backends in this database, in "
          + "milliseconds"},
      {"blk_write_time", "Time spent writing data file blocks by backends in this database, in "
          + "milliseconds"},
  };
  private static final Version PG14 = Version.of(14, 0);

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    boolean activeTime = ctx.backendVersion().map(v -> v.atLeast(PG14)).orElse(false);
    String sql = "SELECT datid, datname, numbackends, xact_commit, xact_rollback, blks_read, "
        + "blks_hit, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted, "
        + "conflicts, temp_files, temp_bytes, deadlocks, blk_read_time, blk_write_time, "
        + "extract(epoch FROM stats_reset) AS stats_reset"
        + (activeTime ? ", active_time" : "")
        + " FROM pg_stat_database WHERE datname IS NOT NULL";
    MetricSink.SeriesWriter backends = sink.gauge("pg_stat_database_numbackends",
        "Number of backends currently connected to this database", "datid", "datname");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), sql);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String datid = rs.getString("datid");
        String datname = rs.getString("datname");
        backends.add(rs.getDouble("numbackends"), datid, datname);
        for (String[] c : COUNTERS) {
          sink.counter("pg_stat_database_" + c[0], c[1], "datid", "datname")
              .add(rs.getDouble(c[0]), datid, datname);
        }
        double reset = rs.getDouble("stats_reset");
        sink.counter("pg_stat_database_stats_reset", "Time at which these statistics were last "
            + "reset", "datid", "datname").add(rs.wasNull() ? 0 : reset, datid, datname);
        if (activeTime) {
          sink.counter("pg_stat_database_active_time_seconds_total", "Time spent executing SQL "
              + "statements in this database, in seconds", "datid", "datname")
              .add(rs.getDouble("active_time") / 1000, datid, datname);
        }
      }
    }
  }
}
