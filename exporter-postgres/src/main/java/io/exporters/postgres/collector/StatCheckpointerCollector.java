package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_stat_checkpointer (PostgreSQL 17+): where checkpoint statistics moved from bgwriter. */
public final class StatCheckpointerCollector implements Collector<Connection> {
  private static final String[][] COLUMNS = {
      {"num_timed", "Number of scheduled checkpoints due to timeout"},
      {"num_requested", "Number of requested checkpoints that have been performed"},
      {"restartpoints_timed", "Number of scheduled restartpoints due to timeout or after a failed "
          + "attempt to perform it"},
      {"restartpoints_req", "Number of requested restartpoints"},
      {"restartpoints_done", "Number of restartpoints that have been performed"},
      {"write_time", "Total amount of time that has been spent in the portion of processing "
          + "checkpoints and restartpoints where files are written to disk, in milliseconds"},
      {"sync_time", "Total amount of time that has been spent in the portion of processing "
          + "checkpoints and restartpoints where files are synchronized to disk, in "
          + "milliseconds"},
      {"buffers_written", "Number of buffers written during checkpoints and restartpoints"},
  };

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String[] c : COLUMNS) {
      sql.append(c[0]).append(", ");
    }
    sql.append("extract(epoch FROM stats_reset) AS stats_reset FROM pg_stat_checkpointer");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), sql.toString());
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        for (String[] c : COLUMNS) {
          sink.counter("pg_stat_checkpointer_" + c[0] + "_total", c[1]).add(rs.getDouble(c[0]));
        }
        sink.counter("pg_stat_checkpointer_stats_reset_total",
            "Time at which these statistics were last reset").add(rs.getDouble("stats_reset"));
      }
    }
  }
}
