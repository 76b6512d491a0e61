package io.exporters.postgres.collector;

import io.exporters.common.scrape.Deadline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.jdbc.PgStatement;

/** Statements whose server-side timeout follows the collector's deadline. */
final class Sql {
  private Sql() {}

  static PreparedStatement prepare(Connection c, Deadline deadline, String sql)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    // The server cancels the query at the deadline (JDBC's own setting takes whole seconds).
    statement.unwrap(PgStatement.class).setQueryTimeoutMs(Math.max(1, deadline.remainingMillis()));
    return statement;
  }

  /** A NULL numeric column as NaN, as postgres_exporter exports it. */
  static double number(java.sql.ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  /** Labels of per-table series. */
  static final String[] TABLE_LABELS = {"datname", "schemaname", "relname"};

  /** The named text columns of the current row as label values, NULL as "". */
  static String[] labels(java.sql.ResultSet rs, String... columns) throws SQLException {
    String[] values = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = text(rs, columns[i]);
    }
    return values;
  }

  static String text(java.sql.ResultSet rs, String column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? "" : v;
  }
}
