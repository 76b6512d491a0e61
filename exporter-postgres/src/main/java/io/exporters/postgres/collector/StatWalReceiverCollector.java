package io.exporters.postgres.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_stat_wal_receiver on a standby: what it has received from its upstream. */
public final class StatWalReceiverCollector implements Collector<Connection> {
  private static final Version PG13 = Version.of(13, 0);
  // LSNs are exported modulo 2^52, as upstream does, so they stay exact in a double. Before 13
  // the flushed position was the column received_lsn (same meaning).
  static final String SQL = "SELECT COALESCE(sender_host, '') AS upstream_host, "
      + "COALESCE(slot_name, '') AS slot_name, status, "
      + "(receive_start_lsn - '0/0') % (2^52)::bigint AS receive_start_lsn, "
      + "(flushed_lsn - '0/0') % (2^52)::bigint AS flushed_lsn, "
      + "receive_start_tli, received_tli, "
      + "extract(epoch FROM last_msg_send_time) AS last_msg_send_time, "
      + "extract(epoch FROM last_msg_receipt_time) AS last_msg_receipt_time, "
      + "(latest_end_lsn - '0/0') % (2^52)::bigint AS latest_end_lsn, "
      + "extract(epoch FROM latest_end_time) AS latest_end_time FROM pg_stat_wal_receiver";
  private static final String[][] COUNTERS = {
      {"receive_start_lsn", "First write-ahead log location used when WAL receiver is started"},
      {"flushed_lsn", "Last write-ahead log location already received and flushed to disk"},
      {"last_msg_send_time", "Send time of last message received from origin WAL sender"},
      {"last_msg_receipt_time", "Receipt time of last message received from origin WAL sender"},
      {"latest_end_lsn", "Last write-ahead log location reported to origin WAL sender"},
      {"latest_end_time", "Time of last write-ahead log location reported to origin WAL "
          + "sender"},
  };
  private static final String[][] GAUGES = {
      {"receive_start_tli", "First timeline number used when WAL receiver is started"},
      {"received_tli", "Timeline number of last write-ahead log location received and flushed "
          + "to disk"},
  };

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    boolean renamed = ctx.backendVersion().map(v -> v.atLeast(PG13)).orElse(true);
    String sql = renamed ? SQL : SQL.replace("(flushed_lsn - '0/0')", "(received_lsn - '0/0')");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), sql);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String[] labels = Sql.labels(rs, "upstream_host", "slot_name", "status");
        for (String[] c : COUNTERS) {
          sink.counter("pg_stat_wal_receiver_" + c[0], c[1], "upstream_host", "slot_name",
              "status").add(Sql.number(rs, c[0]), labels);
        }
        for (String[] g : GAUGES) {
          sink.gauge("pg_stat_wal_receiver_" + g[0], g[1], "upstream_host", "slot_name",
              "status").add(Sql.number(rs, g[0]), labels);
        }
      }
    }
  }
}
