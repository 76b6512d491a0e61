package io.exporters.postgres.collector;

import io.exporters.common.backend.Deadline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.postgresql.jdbc.PgStatement;

/**
 * What every collector, user queries included, does with SQL: statements whose server-side
 * timeout follows the collector's deadline, and columns read as label values and numbers the way
 * postgres_exporter reads them.
 */
public final class Sql {
  /** Labels of per-table series. */
  static final String[] TABLE_LABELS = {"datname", "schemaname", "relname"};

  private Sql() {}

  public static PreparedStatement prepare(Connection c, Deadline deadline, String sql)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    // The server cancels the query at the deadline (JDBC's own setting takes whole seconds).
    statement.unwrap(PgStatement.class).setQueryTimeoutMs(Math.max(1, deadline.remainingMillis()));
    return statement;
  }

  /** A NULL numeric column as NaN, as postgres_exporter exports it. */
  static double number(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  /**
   * Any column as a sample value: numbers, booleans (1/0), timestamps (unix seconds) and numeric
   * text; NULL and anything else are NaN.
   */
  public static double anyNumber(ResultSet rs, int column) throws SQLException {
    Object v = rs.getObject(column);
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Timestamp t) {
      return t.getTime() / 1000.0;
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * Where each named column is in the result: {@code names[i][0]} is the column of entry i
   * (the layout of the collectors' column tables).
   */
  static int[] columns(ResultSet rs, String[][] names) throws SQLException {
    int[] out = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = rs.findColumn(names[i][0]);
    }
    return out;
  }

  /** datname, schemaname, relname: the first three columns of every per-table query. */
  static String[] tableLabels(ResultSet rs) throws SQLException {
    return new String[] {text(rs, 1), text(rs, 2), text(rs, 3)};
  }

  /** The named text columns of the current row as label values, NULL as "". */
  public static String[] labels(ResultSet rs, String... columns) throws SQLException {
    String[] values = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = text(rs, columns[i]);
    }
    return values;
  }

  static String text(ResultSet rs, String column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? "" : v;
  }

  static String text(ResultSet rs, int column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? "" : v;
  }
}
