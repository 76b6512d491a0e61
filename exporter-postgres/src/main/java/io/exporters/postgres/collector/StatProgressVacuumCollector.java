package io.exporters.postgres.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/** pg_stat_progress_vacuum: running VACUUMs, their phase and progress. */
public final class StatProgressVacuumCollector implements Collector<Connection> {
  static final List<String> PHASES = List.of("initializing", "scanning heap",
      "vacuuming indexes", "vacuuming heap", "cleaning up indexes", "truncating heap",
      "performing final cleanup");
  private static final Version PG17 = Version.of(17, 0);

  /** PostgreSQL 17 renamed the dead-tuple columns; the metric names stay. */
  static String sql(boolean pg17) {
    return "SELECT d.datname, COALESCE(c.relname, '') AS relname, p.phase, "
        + "p.heap_blks_total, p.heap_blks_scanned, p.heap_blks_vacuumed, p.index_vacuum_count, "
        + (pg17 ? "p.max_dead_tuple_bytes AS max_dead_tuples, "
            + "p.num_dead_item_ids AS num_dead_tuples "
            : "p.max_dead_tuples, p.num_dead_tuples ")
        + "FROM pg_stat_progress_vacuum p JOIN pg_database d ON d.oid = p.datid "
        + "LEFT JOIN pg_class c ON c.oid = p.relid";
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    MetricSink.SeriesWriter phase = sink.gauge("pg_stat_progress_vacuum_phase",
        "Current vacuum phase (1 = active, 0 = inactive).", "datname", "relname", "phase");
    String[][] gauges = {
        {"heap_blks_total", "heap_blks", "Total number of heap blocks in the table."},
        {"heap_blks_scanned", "heap_blks_scanned", "Number of heap blocks scanned."},
        {"heap_blks_vacuumed", "heap_blks_vacuumed", "Number of heap blocks vacuumed."},
        {"index_vacuum_count", "index_vacuums", "Number of completed index vacuum cycles."},
        {"max_dead_tuples", "max_dead_tuples", "Number of dead tuples that can be stored before "
            + "an index vacuum cycle is needed."},
        {"num_dead_tuples", "num_dead_tuples", "Number of dead tuples collected since the last "
            + "index vacuum cycle."},
    };
    boolean pg17 = ctx.backendVersion().map(v -> v.atLeast(PG17)).orElse(false);
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), sql(pg17));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String datname = rs.getString("datname");
        String relname = rs.getString("relname");
        String current = rs.getString("phase");
        for (String p : PHASES) {
          phase.add(p.equals(current) ? 1 : 0, datname, relname, p);
        }
        for (String[] g : gauges) {
          sink.gauge("pg_stat_progress_vacuum_" + g[1], g[2], "datname", "relname")
              .add(rs.getDouble(g[0]), datname, relname);
        }
      }
    }
  }
}
