package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Replica status: whether this server is a replica and how far it lags. */
public final class ReplicationCollector implements Collector<Connection> {
  static final String SQL = "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0 "
      + "WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
      + "ELSE GREATEST(0, extract(epoch FROM (now() - pg_last_xact_replay_timestamp()))) "
      + "END AS lag, CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END AS is_replica, "
      + "GREATEST(0, extract(epoch FROM (now() - pg_last_xact_replay_timestamp()))) "
      + "AS last_replay";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        sink.gauge("pg_replication_lag_seconds", "Replication lag behind master in seconds")
            .add(rs.getDouble("lag"));
        sink.gauge("pg_replication_is_replica", "Indicates if the server is a replica")
            .add(rs.getDouble("is_replica"));
        double lastReplay = rs.getDouble("last_replay");
        if (!rs.wasNull()) {
          sink.gauge("pg_replication_last_replay_seconds",
              "Age of last replay in seconds").add(lastReplay);
        }
      }
    }
  }
}
