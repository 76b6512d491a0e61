package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.postgres.settings.Compat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_statio_user_tables of the connected database: block reads and buffer hits. Named
 * {@code *_blocks_*} as upstream now does; {@code *_blks_*} (the view's columns, as 0.11's
 * example queries.yaml named them) in 0.11 compatibility.
 */
public final class StatioUserTablesCollector implements Collector<Connection> {
  private static final String[][] COLUMNS = {
      {"heap_blks_read", "heap_blocks_read", "Number of disk blocks read from this table"},
      {"heap_blks_hit", "heap_blocks_hit", "Number of buffer hits in this table"},
      {"idx_blks_read", "idx_blocks_read", "Number of disk blocks read from all indexes on this "
          + "table"},
      {"idx_blks_hit", "idx_blocks_hit", "Number of buffer hits in all indexes on this table"},
      {"toast_blks_read", "toast_blocks_read", "Number of disk blocks read from this table's "
          + "TOAST table (if any)"},
      {"toast_blks_hit", "toast_blocks_hit", "Number of buffer hits in this table's TOAST table "
          + "(if any)"},
      {"tidx_blks_read", "tidx_blocks_read", "Number of disk blocks read from this table's TOAST "
          + "table indexes (if any)"},
      {"tidx_blks_hit", "tidx_blocks_hit", "Number of buffer hits in this table's TOAST table "
          + "indexes (if any)"},
  };
  static final String SQL = "SELECT current_database() AS datname, schemaname, relname, "
      + "COALESCE(heap_blks_read, 0) AS heap_blks_read, COALESCE(heap_blks_hit, 0) AS "
      + "heap_blks_hit, COALESCE(idx_blks_read, 0) AS idx_blks_read, COALESCE(idx_blks_hit, 0) "
      + "AS idx_blks_hit, COALESCE(toast_blks_read, 0) AS toast_blks_read, "
      + "COALESCE(toast_blks_hit, 0) AS toast_blks_hit, COALESCE(tidx_blks_read, 0) AS "
      + "tidx_blks_read, COALESCE(tidx_blks_hit, 0) AS tidx_blks_hit FROM pg_statio_user_tables "
      + "ORDER BY relname COLLATE \"C\", schemaname COLLATE \"C\"";

  private final int nameColumn;

  /** The variant of {@code compat}: 0.11 names the series after the view's columns. */
  public StatioUserTablesCollector(Compat compat) {
    this.nameColumn = compat == Compat.V0_11 ? 0 : 1;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter[] counters = new MetricSink.SeriesWriter[COLUMNS.length];
    for (int i = 0; i < COLUMNS.length; i++) {
      counters[i] = sink.counter("pg_statio_user_tables_" + COLUMNS[i][nameColumn],
          COLUMNS[i][2], Sql.TABLE_LABELS);
    }
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      int[] columns = Sql.columns(rs, COLUMNS);
      while (rs.next()) {
        String[] table = Sql.tableLabels(rs);
        for (int i = 0; i < columns.length; i++) {
          counters[i].add(rs.getDouble(columns[i]), table);
        }
      }
    }
  }
}
