package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_static: the server's version string, as postgres_exporter exports it (value 1). */
public final class StaticCollector implements Collector<Connection> {
  static final String SQL = "SELECT version() AS version, "
      + "current_setting('server_version') AS short_version";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        String shortVersion = ctx.backendVersion().map(Object::toString)
            .orElse(rs.getString("short_version"));
        sink.untyped("pg_static", "Version string as reported by postgres", "server",
            "short_version", "version").add(1, ServerLabel.of(ctx.target()), shortVersion,
            rs.getString("version"));
      }
    }
  }
}
