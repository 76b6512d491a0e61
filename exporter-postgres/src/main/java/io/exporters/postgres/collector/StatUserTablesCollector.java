package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_stat_user_tables of the connected database: scans, row counts, vacuum and analyze
 * activity. The table and index sizes of the same family come from {@link TableSizesCollector},
 * which is cached: statting every relation's files is most of this view's cost.
 */
public final class StatUserTablesCollector implements Collector<Connection> {
  private static final String[][] COUNTERS = {
      {"seq_scan", "Number of sequential scans initiated on this table"},
      {"seq_tup_read", "Number of live rows fetched by sequential scans"},
      {"idx_scan", "Number of index scans initiated on this table"},
      {"idx_tup_fetch", "Number of live rows fetched by index scans"},
      {"n_tup_ins", "Number of rows inserted"},
      {"n_tup_upd", "Number of rows updated"},
      {"n_tup_del", "Number of rows deleted"},
      {"n_tup_hot_upd", "Number of rows HOT updated (i.e., with no separate index update required)"},
      {"vacuum_count", "Number of times this table has been manually vacuumed (not counting "
          + "VACUUM FULL)"},
      {"autovacuum_count", "Number of times this table has been vacuumed by the autovacuum "
          + "daemon"},
      {"analyze_count", "Number of times this table has been manually analyzed"},
      {"autoanalyze_count", "Number of times this table has been analyzed by the autovacuum "
          + "daemon"},
  };
  private static final String[][] GAUGES = {
      {"n_live_tup", "Estimated number of live rows"},
      {"n_dead_tup", "Estimated number of dead rows"},
      {"n_mod_since_analyze", "Estimated number of rows changed since last analyze"},
      {"last_vacuum", "Last time at which this table was manually vacuumed (not counting VACUUM "
          + "FULL)"},
      {"last_autovacuum", "Last time at which this table was vacuumed by the autovacuum daemon"},
      {"last_analyze", "Last time at which this table was manually analyzed"},
      {"last_autoanalyze", "Last time at which this table was analyzed by the autovacuum daemon"},
  };
  static final String SQL = "SELECT current_database() AS datname, schemaname, relname, "
      + "seq_scan, seq_tup_read, COALESCE(idx_scan, 0) AS idx_scan, "
      + "COALESCE(idx_tup_fetch, 0) AS idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_del, "
      + "n_tup_hot_upd, n_live_tup, n_dead_tup, n_mod_since_analyze, "
      + "COALESCE(extract(epoch FROM last_vacuum)::float8, 0) AS last_vacuum, "
      + "COALESCE(extract(epoch FROM last_autovacuum)::float8, 0) AS last_autovacuum, "
      + "COALESCE(extract(epoch FROM last_analyze)::float8, 0) AS last_analyze, "
      + "COALESCE(extract(epoch FROM last_autoanalyze)::float8, 0) AS last_autoanalyze, "
      + "vacuum_count, autovacuum_count, analyze_count, autoanalyze_count "
      // In the order series are exposed (labels sorted by name: datname, relname, schemaname;
      // bytewise, as Go sorts), so sorting them costs one pass.
      + "FROM pg_stat_user_tables ORDER BY relname COLLATE \"C\", schemaname COLLATE \"C\"";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter[] counters = new MetricSink.SeriesWriter[COUNTERS.length];
    for (int i = 0; i < COUNTERS.length; i++) {
      counters[i] = sink.counter("pg_stat_user_tables_" + COUNTERS[i][0], COUNTERS[i][1],
          Sql.TABLE_LABELS);
    }
    MetricSink.SeriesWriter[] gauges = new MetricSink.SeriesWriter[GAUGES.length];
    for (int i = 0; i < GAUGES.length; i++) {
      gauges[i] = sink.gauge("pg_stat_user_tables_" + GAUGES[i][0], GAUGES[i][1],
          Sql.TABLE_LABELS);
    }
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      // Columns by position: a lookup by name per value is a measurable part of 30,000 series.
      int[] counterColumns = Sql.columns(rs, COUNTERS);
      int[] gaugeColumns = Sql.columns(rs, GAUGES);
      while (rs.next()) {
        String[] table = Sql.tableLabels(rs);
        for (int i = 0; i < counterColumns.length; i++) {
          counters[i].add(rs.getDouble(counterColumns[i]), table);
        }
        for (int i = 0; i < gaugeColumns.length; i++) {
          double value = rs.getDouble(gaugeColumns[i]);
          if (!rs.wasNull()) {
            gauges[i].add(value, table);
          }
        }
      }
    }
  }
}
