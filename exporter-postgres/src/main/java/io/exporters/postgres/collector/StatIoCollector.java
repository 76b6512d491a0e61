package io.exporters.postgres.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_stat_io (PostgreSQL 16+, not in upstream postgres_exporter): I/O operations, bytes and
 * times per backend type, object and context. Operations a kind of backend never does are NULL
 * in the view and get no series. Bytes come from the view on 18+ and are operations times
 * op_bytes before.
 */
public final class StatIoCollector implements Collector<Connection> {
  private static final Version PG18 = Version.of(18, 0);
  private static final String[] LABELS = {"backend_type", "object", "context"};
  private static final String[][] OPERATIONS = {
      {"reads", "Number of read operations"},
      {"writes", "Number of write operations"},
      {"writebacks", "Number of units of size op_bytes the process asked the kernel to write "
          + "out to permanent storage"},
      {"extends", "Number of relation extend operations"},
      {"hits", "Number of times a desired block was found in a shared buffer"},
      {"evictions", "Number of times a block was written out of a buffer to make it available "
          + "for another use"},
      {"reuses", "Number of times an existing buffer in a size-limited ring buffer outside of "
          + "shared buffers was reused"},
      {"fsyncs", "Number of fsync calls"},
  };
  private static final String[][] TIMES = {
      {"read_time", "Time spent in read operations, in seconds (needs track_io_timing)"},
      {"write_time", "Time spent in write operations, in seconds (needs track_io_timing)"},
      {"writeback_time", "Time spent in writeback operations, in seconds (needs "
          + "track_io_timing)"},
      {"extend_time", "Time spent in extend operations, in seconds (needs track_io_timing)"},
      {"fsync_time", "Time spent in fsync operations, in seconds (needs track_io_timing)"},
  };
  private static final String[][] BYTES = {
      {"read_bytes", "reads", "Number of bytes read"},
      {"write_bytes", "writes", "Number of bytes written"},
      {"extend_bytes", "extends", "Number of bytes added by relation extend operations"},
  };

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    boolean pg18 = ctx.backendVersion().map(v -> v.atLeast(PG18)).orElse(false);
    StringBuilder sql = new StringBuilder("SELECT backend_type, object, context");
    for (String[] c : OPERATIONS) {
      sql.append(", ").append(c[0]);
    }
    for (String[] c : TIMES) {
      sql.append(", ").append(c[0]);
    }
    for (String[] c : BYTES) {
      sql.append(", ").append(pg18 ? c[0] : c[1] + " * op_bytes").append(" AS ").append(c[0]);
    }
    sql.append(" FROM pg_stat_io");
    MetricSink.SeriesWriter[] operations = new MetricSink.SeriesWriter[OPERATIONS.length];
    for (int i = 0; i < OPERATIONS.length; i++) {
      operations[i] = sink.counter("pg_stat_io_" + OPERATIONS[i][0] + "_total",
          OPERATIONS[i][1], LABELS);
    }
    MetricSink.SeriesWriter[] times = new MetricSink.SeriesWriter[TIMES.length];
    for (int i = 0; i < TIMES.length; i++) {
      times[i] = sink.counter("pg_stat_io_" + TIMES[i][0] + "_seconds_total", TIMES[i][1],
          LABELS);
    }
    MetricSink.SeriesWriter[] bytes = new MetricSink.SeriesWriter[BYTES.length];
    for (int i = 0; i < BYTES.length; i++) {
      bytes[i] = sink.counter("pg_stat_io_" + BYTES[i][0] + "_total", BYTES[i][2], LABELS);
    }
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), sql.toString());
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String[] labels = Sql.labels(rs, LABELS);
        addUnlessNull(rs, OPERATIONS, operations, labels, 1);
        addUnlessNull(rs, TIMES, times, labels, 1000);
        addUnlessNull(rs, BYTES, bytes, labels, 1);
      }
    }
  }

  private static void addUnlessNull(ResultSet rs, String[][] columns,
      MetricSink.SeriesWriter[] writers, String[] labels, double divisor) throws Exception {
    for (int i = 0; i < columns.length; i++) {
      double v = rs.getDouble(columns[i][0]);
      if (!rs.wasNull()) {
        writers[i].add(v / divisor, labels);
      }
    }
  }
}
