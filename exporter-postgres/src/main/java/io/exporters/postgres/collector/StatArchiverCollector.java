package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** pg_stat_archiver: WAL archiving counts and the age of the last archived segment. */
public final class StatArchiverCollector implements Collector<Connection> {
  static final String SQL = "SELECT archived_count, failed_count, "
      + "extract(epoch FROM now() - last_archived_time) AS last_archive_age "
      + "FROM pg_stat_archiver";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        sink.counter("pg_stat_archiver_archived_count",
            "Number of WAL files that have been successfully archived")
            .add(rs.getDouble("archived_count"));
        sink.counter("pg_stat_archiver_failed_count",
            "Number of failed attempts for archiving WAL files")
            .add(rs.getDouble("failed_count"));
        // NaN until a segment was archived, as postgres_exporter exports it.
        sink.gauge("pg_stat_archiver_last_archive_age",
            "Time in seconds since last WAL segment was successfully archived")
            .add(Sql.number(rs, "last_archive_age"));
      }
    }
  }
}
