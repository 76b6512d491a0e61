package io.exporters.postgres.collector;

import io.exporters.common.scrape.Deadline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Statements whose server-side timeout follows the collector's deadline. */
final class Sql {
  private Sql() {}

  static PreparedStatement prepare(Connection c, Deadline deadline, String sql)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    // JDBC takes whole seconds; the core also aborts the connection at the deadline itself.
    statement.setQueryTimeout((int) Math.max(1, (deadline.remainingMillis() + 999) / 1000));
    return statement;
  }

  /** A NULL numeric column as NaN, as postgres_exporter exports it. */
  static double number(java.sql.ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  static String text(java.sql.ResultSet rs, String column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? "" : v;
  }
}
