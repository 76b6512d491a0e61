package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivatePostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every collector, switched on together, against a private server of each major version from 12
 * to 18: each one succeeds, or is skipped because it does not apply to that version (never
 * counted as failed). Then the version-specific shapes: checkpointer split (17), pg_stat_io and
 * pg_buffercache_summary (16), active_time (14), and 0.11 compatibility on each.
 */
class VersionMatrixTest {
  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {12, 13, 14, 15, 16, 17, 18})
  void everyCollectorSucceedsOrDoesNotApply(int major) throws Exception {
    try (PrivatePostgres pg = PrivatePostgres.ofMajor(major,
        "shared_preload_libraries=pg_stat_statements", "track_io_timing=on");
        Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + pg.port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION pg_stat_statements");
      s.execute("CREATE EXTENSION pg_buffercache");
      s.execute("CREATE TABLE items AS SELECT g AS id FROM generate_series(1, 1000) g");
      s.execute("CREATE INDEX ON items (id)");
      s.execute("SELECT count(*) FROM items WHERE id < 10");
      s.execute("SELECT pg_create_physical_replication_slot('matrix_slot', true)");
      s.execute("CHECKPOINT");

      PostgresExporter definition = new PostgresExporter();
      List<String> args = new ArrayList<>();
      for (String name : definition.collectors().names()) {
        args.add("--collector." + name);
      }
      Set<String> notApplying = new HashSet<>(Set.of("xlog_location"));
      if (major < 16) {
        notApplying.addAll(List.of("stat_io", "buffercache_summary"));
      }
      if (major < 17) {
        notApplying.add("stat_checkpointer");
      }
      try (InProcessExporter e = InProcessExporter.start(definition, args,
          Map.of("DATA_SOURCE_NAME", pg.dsn()))) {
        Exposition m = e.scrape();
        assertThat(m.value("pg_up")).isEqualTo(1);
        for (String name : definition.collectors().names()) {
          if (notApplying.contains(name)) {
            assertThat(m.find("pg_scrape_collector_success", "collector", name)).as(name)
                .isEmpty();
          } else {
            assertThat(m.value("pg_scrape_collector_success", "collector", name)).as(name)
                .isEqualTo(1);
          }
        }
        assertThat(m.find("pg_stat_bgwriter_checkpoints_timed_total").isPresent())
            .isEqualTo(major < 17);
        assertThat(m.find("pg_stat_bgwriter_buffers_alloc_total")).isPresent();
        if (major >= 17) {
          assertThat(m.value("pg_stat_checkpointer_num_requested_total")).isPositive();
        }
        if (major >= 16) {
          assertThat(m.value("pg_stat_io_reads_total", "backend_type", "client backend",
              "object", "relation", "context", "normal")).isGreaterThanOrEqualTo(0);
          assertThat(m.value("pg_stat_io_write_bytes_total", "backend_type", "checkpointer",
              "object", "relation", "context", "normal")).isPositive();
          assertThat(m.value("pg_buffercache_summary_buffers_used")).isPositive();
        }
        assertThat(m.find("pg_stat_database_active_time_seconds_total", "datname", "postgres")
            .isPresent()).isEqualTo(major >= 14);
        assertThat(m.familyOrFail("pg_stat_statements_calls_total").samples()).isNotEmpty();
        assertThat(m.value("pg_replication_slots_active", "slot_name", "matrix_slot",
            "database", "")).isZero();
      }

      // The 0.11 generation on every version: checkpoint counters even after the 17 split.
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--compat=0.11"), Map.of("DATA_SOURCE_NAME", pg.dsn()))) {
        Exposition m = e.scrape();
        for (Exposition.Sample success : m.familyOrFail("pg_scrape_collector_success")
            .samples()) {
          assertThat(success.value()).as(success.labels().get("collector")).isEqualTo(1);
        }
        String server = "127.0.0.1:" + pg.port;
        assertThat(m.find("pg_stat_bgwriter_checkpoints_req_total", "server", server))
            .isPresent();
        assertThat(m.find("pg_stat_bgwriter_buffers_backend_total", "server", server))
            .isPresent();
      }
    }
  }
}
