package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Transaction ID ages per database, for wraparound alerts. The names end in _seconds as upstream
 * has them, although the values are XID counts (kept so existing alerts work).
 */
public final class DatabaseWraparoundCollector implements Collector<Connection> {
  static final String SQL = "SELECT datname, age(datfrozenxid) AS age_datfrozenxid, "
      + "mxid_age(datminmxid) AS age_datminmxid FROM pg_database WHERE datallowconn";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter frozen = sink.gauge(
        "pg_database_wraparound_age_datfrozenxid_seconds", "Age of the oldest transaction ID "
            + "that has not been frozen (a count of transactions, despite the name).", "datname");
    MetricSink.SeriesWriter minmxid = sink.gauge(
        "pg_database_wraparound_age_datminmxid_seconds", "Age of the oldest multi-transaction "
            + "ID that has been replaced with a transaction ID (a count, despite the name).",
        "datname");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String datname = rs.getString("datname");
        frozen.add(rs.getDouble("age_datfrozenxid"), datname);
        minmxid.add(rs.getDouble("age_datminmxid"), datname);
      }
    }
  }
}
