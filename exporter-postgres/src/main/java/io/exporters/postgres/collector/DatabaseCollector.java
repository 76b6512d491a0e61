package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.postgres.settings.DatabaseSelection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_database: size and connection limit of every database not excluded. Sizes stat every file
 * of the cluster, so the collector has a default TTL (see PostgresExporter).
 */
public final class DatabaseCollector implements Collector<Connection> {
  static final String SQL = "SELECT datname, datconnlimit, pg_database_size(datname) AS size"
      + " FROM pg_database WHERE NOT datname = ANY(?)";

  private final DatabaseSelection selection;

  public DatabaseCollector(DatabaseSelection selection) {
    this.selection = selection;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter size = sink.gauge("pg_database_size_bytes",
        "Disk space used by the database", "datname");
    MetricSink.SeriesWriter limit = sink.gauge("pg_database_connection_limit",
        "Connection limit set for the database", "datname");
    Connection connection = ctx.connection();
    try (PreparedStatement st = Sql.prepare(connection, ctx.deadline(), SQL)) {
      st.setArray(1, connection.createArrayOf("text", selection.exclude().toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String datname = rs.getString("datname");
          size.add(Sql.number(rs, "size"), datname);
          limit.add(Sql.number(rs, "datconnlimit"), datname);
        }
      }
    }
  }
}
