package io.exporters.postgres.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * pg_stat_statements: calls, time, rows and block I/O time of the statements with the most total
 * execution time, at most {@code limit} of them (the cardinality guard). Rows of one statement
 * (top-level and nested, PostgreSQL 14+) are summed so a queryid is one series, never a
 * duplicate; statements whose queryid the exporter may not see are left out. Needs the extension
 * in the connected database and the library in shared_preload_libraries.
 */
public final class StatStatementsCollector implements Collector<Connection> {
  public static final List<String> NUMERIC_OPTIONS = List.of("limit", "query_length");
  public static final List<String> OPTIONS = List.of("limit", "exclude_databases",
      "exclude_users", "include_query", "query_length");
  static final int DEFAULT_LIMIT = 100;
  static final int DEFAULT_QUERY_LENGTH = 120;
  private static final Version PG13 = Version.of(13, 0);
  private static final Version PG17 = Version.of(17, 0);
  private static final String[] LABELS = {"user", "datname", "queryid"};

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    Map<String, String> options = ctx.options();
    // Values were checked when the config loaded (PostgresExporter's validator).
    int limit = intOption(options, "limit", DEFAULT_LIMIT);
    int queryLength = intOption(options, "query_length", DEFAULT_QUERY_LENGTH);
    boolean includeQuery = Boolean.parseBoolean(options.getOrDefault("include_query", "false"));
    Version version = ctx.backendVersion().orElse(PG13);

    MetricSink.SeriesWriter calls = sink.counter("pg_stat_statements_calls_total",
        "Number of times executed", LABELS);
    MetricSink.SeriesWriter seconds = sink.counter("pg_stat_statements_seconds_total",
        "Total time spent in the statement, in seconds", LABELS);
    MetricSink.SeriesWriter rows = sink.counter("pg_stat_statements_rows_total",
        "Total number of rows retrieved or affected by the statement", LABELS);
    MetricSink.SeriesWriter readTime = sink.counter("pg_stat_statements_block_read_seconds_total",
        "Total time the statement spent reading blocks, in seconds", LABELS);
    MetricSink.SeriesWriter writeTime = sink.counter(
        "pg_stat_statements_block_write_seconds_total",
        "Total time the statement spent writing blocks, in seconds", LABELS);
    MetricSink.SeriesWriter queryText = includeQuery ? sink.gauge("pg_stat_statements_query_id",
        "SQL text of a statement (value 1)", "queryid", "query") : null;

    Connection connection = ctx.connection();
    try (PreparedStatement st = Sql.prepare(connection, ctx.deadline(), sql(version))) {
      st.setInt(1, queryLength);
      st.setArray(2, connection.createArrayOf("text", list(options, "exclude_databases")));
      st.setArray(3, connection.createArrayOf("text", list(options, "exclude_users")));
      st.setInt(4, limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String[] labels = Sql.labels(rs, LABELS);
          calls.add(rs.getDouble("calls"), labels);
          seconds.add(rs.getDouble("seconds"), labels);
          rows.add(rs.getDouble("rows"), labels);
          readTime.add(rs.getDouble("read_seconds"), labels);
          writeTime.add(rs.getDouble("write_seconds"), labels);
          if (queryText != null) {
            queryText.add(1, labels[2], Sql.text(rs, "query"));
          }
        }
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState()) || "42883".equals(e.getSQLState())) {
        throw new SQLException("pg_stat_statements is not installed in this database: run "
            + "CREATE EXTENSION pg_stat_statements (with pg_stat_statements in "
            + "shared_preload_libraries)", e.getSQLState(), e);
      }
      throw e;
    }
  }

  /** Column names moved: total_time became total_exec_time (13), blk_* split by kind (17). */
  static String sql(Version version) {
    String time = version.atLeast(PG13) ? "total_exec_time" : "total_time";
    String read = version.atLeast(PG17) ? "shared_blk_read_time + local_blk_read_time"
        : "blk_read_time";
    String write = version.atLeast(PG17) ? "shared_blk_write_time + local_blk_write_time"
        : "blk_write_time";
    return "WITH s AS (SELECT userid, dbid, queryid, sum(calls) AS calls, "
        + "sum(" + time + ") AS total_ms, sum(rows) AS rows, sum(" + read + ") AS read_ms, "
        + "sum(" + write + ") AS write_ms, min(query) AS query FROM pg_stat_statements "
        + "WHERE queryid IS NOT NULL GROUP BY userid, dbid, queryid) "
        + "SELECT pg_get_userbyid(s.userid) AS user, d.datname, s.queryid::text AS queryid, "
        + "s.calls, s.total_ms / 1000 AS seconds, s.rows, s.read_ms / 1000 AS read_seconds, "
        + "s.write_ms / 1000 AS write_seconds, left(s.query, ?) AS query "
        + "FROM s JOIN pg_database d ON d.oid = s.dbid "
        + "WHERE NOT d.datname = ANY(?) AND NOT pg_get_userbyid(s.userid) = ANY(?) "
        + "ORDER BY s.total_ms DESC, s.queryid LIMIT ?";
  }

  private static Object[] list(Map<String, String> options, String key) {
    String value = options.getOrDefault(key, "");
    return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toArray();
  }

  private static int intOption(Map<String, String> options, String key, int fallback) {
    String value = options.get(key);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
