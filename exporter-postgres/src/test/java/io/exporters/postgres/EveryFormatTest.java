package io.exporters.postgres;

import io.exporters.testkit.EveryFormat;
import io.exporters.testkit.InProcessExporter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /metrics and /probe on a real PostgreSQL, every collector on, in every format. */
class EveryFormatTest {
  @Test
  void everyFormatServesTheSameSeries() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      db.execute("CREATE TABLE t (id int PRIMARY KEY, v text)",
          "INSERT INTO t SELECT g, 'x' FROM generate_series(1, 100) g", "ANALYZE t");
      List<String> args = new java.util.ArrayList<>();
      for (String collector : List.of("postmaster", "database_wraparound",
          "long_running_transactions", "process_idle", "stat_activity_autovacuum",
          "stat_wal_receiver", "statio_user_indexes", "stat_checkpointer")) {
        args.add("--collector." + collector);
      }
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), args,
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        e.scrape();
        EveryFormat.check(e, "/metrics");
        EveryFormat.check(e, "/probe?target=" + URLEncoder.encode(db.dsn(),
            StandardCharsets.UTF_8));
      }
    }
  }
}
