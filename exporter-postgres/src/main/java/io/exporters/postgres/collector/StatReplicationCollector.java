package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.postgres.settings.Compat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_stat_replication on a primary: each connected standby's position and lag in bytes. The
 * {@code pid} label keeps two standbys with the same name apart (upstream #1352).
 */
public final class StatReplicationCollector implements Collector<Connection> {
  static final String SQL = "SELECT COALESCE(r.application_name, '') AS application_name, "
      + "COALESCE(host(r.client_addr), '') AS client_addr, COALESCE(r.state, '') AS state, "
      + "COALESCE(s.slot_name, '') AS slot_name, r.pid::text AS pid, "
      + "CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn() - '0/0' END "
      + "AS current_wal_lsn, CASE WHEN pg_is_in_recovery() THEN NULL "
      + "ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn) END AS lsn_diff "
      + "FROM pg_stat_replication r LEFT JOIN pg_replication_slots s ON s.active_pid = r.pid";
  private static final String[] LABELS = {"application_name", "client_addr", "state",
      "slot_name", "pid"};
  // 0.11 had no pid label, and its slot_name label carried the pid (first column of the view).
  private static final String[] LABELS_0_11 = {"application_name", "client_addr", "state",
      "slot_name"};
  private static final String[] COLUMNS_0_11 = {"application_name", "client_addr", "state",
      "pid"};

  private final String[] labels;
  private final String[] columns;

  /** The variant of {@code compat}: 0.11 had no pid label, and slot_name held the pid. */
  public StatReplicationCollector(Compat compat) {
    boolean old = compat == Compat.V0_11;
    this.labels = old ? LABELS_0_11 : LABELS;
    this.columns = old ? COLUMNS_0_11 : LABELS;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter current = sink.gauge("pg_stat_replication_pg_current_wal_lsn_bytes",
        "WAL position in bytes", labels);
    MetricSink.SeriesWriter diff = sink.gauge("pg_stat_replication_pg_wal_lsn_diff",
        "Lag in bytes between master and slave", labels);
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String[] values = Sql.labels(rs, columns);
        current.add(Sql.number(rs, "current_wal_lsn"), values);
        diff.add(Sql.number(rs, "lsn_diff"), values);
      }
    }
  }
}
