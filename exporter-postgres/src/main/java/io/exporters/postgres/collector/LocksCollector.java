package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_locks: lock count per database and mode, zero-filled over the nine modes. */
public final class LocksCollector implements Collector<Connection> {
  static final String SQL = "SELECT pg_database.datname AS datname, tmp.mode AS mode, "
      + "COALESCE(count, 0) AS count FROM (VALUES ('accesssharelock'), ('rowsharelock'), "
      + "('rowexclusivelock'), ('shareupdateexclusivelock'), ('sharelock'), "
      + "('sharerowexclusivelock'), ('exclusivelock'), ('accessexclusivelock'), "
      + "('sireadlock')) AS tmp(mode) CROSS JOIN pg_database "
      + "LEFT JOIN (SELECT database, lower(mode) AS mode, count(*) AS count FROM pg_locks "
      + "WHERE database IS NOT NULL GROUP BY database, lower(mode)) AS tmp2 "
      + "ON tmp.mode = tmp2.mode AND pg_database.oid = tmp2.database ORDER BY 1";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter count = sink.gauge("pg_locks_count", "Number of locks",
        "datname", "mode");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        count.add(rs.getDouble("count"), rs.getString("datname"), rs.getString("mode"));
      }
    }
  }
}
