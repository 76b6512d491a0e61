package io.exporters.postgres.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.postgres.settings.Compat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_stat_bgwriter. PostgreSQL 17 moved the checkpoint columns to pg_stat_checkpointer; there this
 * emits the four columns that remain, as upstream does. In 0.11 compatibility it emits all eleven
 * on every version, the moved ones from pg_stat_checkpointer and the backend writes from
 * pg_stat_io, so dashboards built on them keep their data.
 */
public final class StatBgwriterCollector implements Collector<Connection> {
  private static final Version PG17 = Version.of(17, 0);
  private static final String[][] BEFORE_17 = {
      {"checkpoints_timed", "Number of scheduled checkpoints that have been performed"},
      {"checkpoints_req", "Number of requested checkpoints that have been performed"},
      {"checkpoint_write_time", "Total amount of time that has been spent in the portion of "
          + "checkpoint processing where files are written to disk, in milliseconds"},
      {"checkpoint_sync_time", "Total amount of time that has been spent in the portion of "
          + "checkpoint processing where files are synchronized to disk, in milliseconds"},
      {"buffers_checkpoint", "Number of buffers written during checkpoints"},
      {"buffers_clean", "Number of buffers written by the background writer"},
      {"maxwritten_clean", "Number of times the background writer stopped a cleaning scan "
          + "because it had written too many buffers"},
      {"buffers_backend", "Number of buffers written directly by a backend"},
      {"buffers_backend_fsync", "Number of times a backend had to execute its own fsync call"},
      {"buffers_alloc", "Number of buffers allocated"},
  };
  private static final String[][] FROM_17 = {BEFORE_17[5], BEFORE_17[6], BEFORE_17[9]};
  // Backends' own writes: every writer but the background writer and the checkpointer.
  private static final String BACKEND_IO = " FROM pg_stat_io WHERE object = 'relation' AND "
      + "backend_type NOT IN ('background writer', 'checkpointer')";
  static final String SQL_17_AS_0_11 = "SELECT c.num_timed AS checkpoints_timed, "
      + "c.num_requested AS checkpoints_req, c.write_time AS checkpoint_write_time, "
      + "c.sync_time AS checkpoint_sync_time, c.buffers_written AS buffers_checkpoint, "
      + "b.buffers_clean, b.maxwritten_clean, "
      + "(SELECT COALESCE(sum(writes), 0)" + BACKEND_IO + ") AS buffers_backend, "
      + "(SELECT COALESCE(sum(fsyncs), 0)" + BACKEND_IO + ") AS buffers_backend_fsync, "
      + "b.buffers_alloc, extract(epoch FROM b.stats_reset) AS stats_reset "
      + "FROM pg_stat_bgwriter b, pg_stat_checkpointer c";

  private final boolean allColumns;

  /** The variant of {@code compat}: 0.11 keeps all eleven columns on 17+. */
  public StatBgwriterCollector(Compat compat) {
    this.allColumns = compat == Compat.V0_11;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    boolean split = ctx.backendVersion().map(v -> v.atLeast(PG17)).orElse(false);
    boolean all = !split || allColumns;
    String[][] columns = all ? BEFORE_17 : FROM_17;
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String[] c : columns) {
      sql.append(c[0]).append(", ");
    }
    sql.append("extract(epoch FROM stats_reset) AS stats_reset FROM pg_stat_bgwriter");
    String query = split && all ? SQL_17_AS_0_11 : sql.toString();
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), query);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        for (String[] c : columns) {
          sink.counter("pg_stat_bgwriter_" + c[0] + "_total", c[1]).add(rs.getDouble(c[0]));
        }
        sink.counter("pg_stat_bgwriter_stats_reset_total",
            "Time at which these statistics were last reset").add(rs.getDouble("stats_reset"));
      }
    }
  }
}
