package io.exporters.postgres.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_replication_slots: activity, retained WAL and (PostgreSQL 13+) WAL status per slot. */
public final class ReplicationSlotsCollector implements Collector<Connection> {
  private static final Version PG13 = Version.of(13, 0);

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    boolean pg13 = ctx.backendVersion().map(v -> v.atLeast(PG13)).orElse(false);
    String sql = "SELECT slot_name, slot_type, COALESCE(database, '') AS database, active, "
        + "CASE WHEN pg_is_in_recovery() THEN NULL ELSE "
        + "pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) END AS lsn_diff, "
        + "CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() - '0/0' "
        + "ELSE pg_current_wal_lsn() - '0/0' END AS current_wal_lsn, "
        + "confirmed_flush_lsn - '0/0' AS confirmed_flush_lsn"
        + (pg13 ? ", safe_wal_size, wal_status" : "")
        + " FROM pg_replication_slots";
    MetricSink.SeriesWriter active = sink.gauge("pg_replication_slots_active",
        "Flag indicating if the slot is active", "slot_name", "database");
    MetricSink.SeriesWriter lsnDiff = sink.gauge("pg_replication_slots_pg_wal_lsn_diff",
        "Replication lag in bytes", "slot_name", "database");
    MetricSink.SeriesWriter currentLsn = sink.gauge("pg_replication_slots_slot_current_wal_lsn",
        "current wal lsn value", "slot_name", "slot_type");
    MetricSink.SeriesWriter confirmed = sink.gauge(
        "pg_replication_slots_slot_confirmed_flush_lsn", "last lsn confirmed flushed to the "
            + "replication slot", "slot_name", "slot_type");
    MetricSink.SeriesWriter isActive = sink.gauge("pg_replication_slots_slot_is_active",
        "whether the replication slot is active or not", "slot_name", "slot_type");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), sql);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String slot = rs.getString("slot_name");
        String type = rs.getString("slot_type");
        String database = rs.getString("database");
        double isOn = rs.getBoolean("active") ? 1 : 0;
        active.add(isOn, slot, database);
        lsnDiff.add(Sql.number(rs, "lsn_diff"), slot, database);
        currentLsn.add(Sql.number(rs, "current_wal_lsn"), slot, type);
        double flushed = rs.getDouble("confirmed_flush_lsn");
        if (!rs.wasNull() && isOn == 1) {
          confirmed.add(flushed, slot, type);
        }
        isActive.add(isOn, slot, type);
        if (pg13) {
          double safe = rs.getDouble("safe_wal_size");
          if (!rs.wasNull()) {
            sink.gauge("pg_replication_slots_safe_wal_size_bytes", "number of bytes that can be "
                + "written to WAL such that this slot is not in danger of getting in state lost",
                "slot_name", "slot_type").add(safe, slot, type);
          }
          String status = rs.getString("wal_status");
          if (status != null) {
            sink.gauge("pg_replication_slots_wal_status", "availability of WAL files claimed by "
                + "this slot", "slot_name", "slot_type", "wal_status").add(1, slot, type, status);
          }
        }
      }
    }
  }
}
