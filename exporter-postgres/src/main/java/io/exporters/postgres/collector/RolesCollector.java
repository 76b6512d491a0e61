package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_roles: each role's connection limit. */
public final class RolesCollector implements Collector<Connection> {
  static final String SQL = "SELECT rolname, rolconnlimit FROM pg_roles";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter limit = sink.gauge("pg_roles_connection_limit",
        "Connection limit set for the role", "rolname");
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        limit.add(rs.getDouble("rolconnlimit"), rs.getString("rolname"));
      }
    }
  }
}
