package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** pg_stat_database as postgres_exporter 0.11 exported it (the {@code --compat=0.11} variant). */
public final class StatDatabase011Collector implements Collector<Connection> {
  /**
   * 0.11's generic mapping of {@code SELECT * FROM pg_stat_database}: the shared row (datid 0)
   * included, NULL as NaN, and every column it had no mapping for (sessions, active_time in ms,
   * ...) as an untyped "Unknown metric".
   */
  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    Set<String> counters = new HashSet<>();
    Map<String, String> help = new HashMap<>();
    for (String[] c : StatDatabaseCollector.COUNTERS) {
      counters.add(c[0]);
      help.put(c[0], c[1]);
    }
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(),
        "SELECT * FROM pg_stat_database");
        ResultSet rs = st.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        String datid = Sql.text(rs, "datid");
        String datname = Sql.text(rs, "datname");
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String column = meta.getColumnName(i);
          if (column.equals("datid") || column.equals("datname")) {
            continue;
          }
          double value = Sql.anyNumber(rs, i);
          String name = "pg_stat_database_" + column;
          if (column.equals("numbackends")) {
            sink.gauge(name, "Number of backends currently connected to this database",
                "datid", "datname").add(value, datid, datname);
          } else if (counters.contains(column) || column.equals("stats_reset")) {
            sink.counter(name, help.getOrDefault(column, "Time at which these statistics were "
                + "last reset"), "datid", "datname").add(value, datid, datname);
          } else {
            sink.untyped(name, "Unknown metric from pg_stat_database", "datid", "datname")
                .add(value, datid, datname);
          }
        }
      }
    }
  }
}
