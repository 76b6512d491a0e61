package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.postgres.settings.Compat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_stat_activity: connections by database, state, user, application, backend type and wait
 * event; zero-filled over the states of every database so alerts see 0 rather than nothing.
 * The exporter's own connection is not counted.
 */
public final class StatActivityCollector implements Collector<Connection> {
  static final String SQL = "SELECT pg_database.datname, tmp.state, "
      + "COALESCE(tmp2.usename, '') AS usename, "
      + "COALESCE(tmp2.application_name, '') AS application_name, "
      + "COALESCE(tmp2.backend_type, '') AS backend_type, "
      + "COALESCE(tmp2.wait_event_type, '') AS wait_event_type, "
      + "COALESCE(tmp2.wait_event, '') AS wait_event, "
      + "COALESCE(count, 0) AS count, COALESCE(max_tx_duration, 0) AS max_tx_duration "
      + "FROM (VALUES ('active'), ('idle'), ('idle in transaction'), "
      + "('idle in transaction (aborted)'), ('fastpath function call'), ('disabled')) "
      + "AS tmp(state) CROSS JOIN pg_database LEFT JOIN ("
      + "SELECT datname, state, usename, application_name, backend_type, wait_event_type, "
      + "wait_event, count(*) AS count, "
      + "MAX(extract(epoch FROM now() - xact_start))::float AS max_tx_duration "
      + "FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
      + "GROUP BY datname, state, usename, application_name, backend_type, wait_event_type, "
      + "wait_event) AS tmp2 ON tmp.state = tmp2.state AND pg_database.datname = tmp2.datname";
  /** 0.11's query: by database and state only. */
  static final String SQL_0_11 = "SELECT pg_database.datname, tmp.state, "
      + "COALESCE(count, 0) AS count, COALESCE(max_tx_duration, 0) AS max_tx_duration "
      + "FROM (VALUES ('active'), ('idle'), ('idle in transaction'), "
      + "('idle in transaction (aborted)'), ('fastpath function call'), ('disabled')) "
      + "AS tmp(state) CROSS JOIN pg_database LEFT JOIN ("
      + "SELECT datname, state, count(*) AS count, "
      + "MAX(extract(epoch FROM now() - xact_start))::float AS max_tx_duration "
      + "FROM pg_stat_activity WHERE pid <> pg_backend_pid() GROUP BY datname, state) AS tmp2 "
      + "ON tmp.state = tmp2.state AND pg_database.datname = tmp2.datname";
  private static final String[] LABELS = {"datname", "state", "usename", "application_name",
      "backend_type", "wait_event_type", "wait_event"};
  private static final String[] LABELS_0_11 = {"datname", "state"};

  private final String sql;
  private final String[] labels;

  /** The variant of {@code compat}: 0.11 groups by database and state only. */
  public StatActivityCollector(Compat compat) {
    boolean old = compat == Compat.V0_11;
    this.sql = old ? SQL_0_11 : SQL;
    this.labels = old ? LABELS_0_11 : LABELS;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter count = sink.gauge("pg_stat_activity_count",
        "number of connections in this state", labels);
    MetricSink.SeriesWriter maxTx = sink.gauge("pg_stat_activity_max_tx_duration",
        "max duration in seconds any active transaction has been running", labels);
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), sql);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String[] values = Sql.labels(rs, labels);
        count.add(rs.getDouble("count"), values);
        maxTx.add(rs.getDouble("max_tx_duration"), values);
      }
    }
  }
}
