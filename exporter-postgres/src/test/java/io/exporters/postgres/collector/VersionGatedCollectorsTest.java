package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Collectors chosen by server version; conflicts with the server label. */
class VersionGatedCollectorsTest {
  @Test
  void checkpointerOnlyFrom17AndBgwriterMatchesTheVersion() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
            List.of("--collector.stat_checkpointer", "--collector.stat_activity_autovacuum"),
            Map.of("DATA_SOURCE_NAME", db.dsn()))) {
      int major;
      try (Connection c = db.connect();
          ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
        rs.next();
        major = rs.getInt(1) / 10000;
      }
      Exposition m = e.scrape();
      if (major >= 17) {
        assertThat(m.value("pg_scrape_collector_success", "collector", "stat_checkpointer"))
            .isEqualTo(1);
        assertThat(m.names()).contains("pg_stat_checkpointer_num_timed_total")
            .doesNotContain("pg_stat_bgwriter_checkpoints_timed_total");
      } else {
        // Does not apply: neither a failure nor a success series, and no query sent.
        assertThat(m.find("pg_scrape_collector_success", "collector", "stat_checkpointer"))
            .isEmpty();
        assertThat(m.names()).contains("pg_stat_bgwriter_checkpoints_timed_total")
            .doesNotContain("pg_stat_checkpointer_num_timed_total");
      }
      assertThat(m.value("pg_stat_bgwriter_buffers_alloc_total")).isPositive();
      assertThat(m.value("pg_scrape_collector_success", "collector", "stat_activity_autovacuum"))
          .isEqualTo(1);
      assertThat(m.familyOrFail("pg_static").type()).isEqualTo("untyped");
      Exposition.Sample pgStatic = m.samples("pg_static").get(0);
      assertThat(pgStatic.value()).isEqualTo(1);
      assertThat(pgStatic.labels()).containsEntry("server", db.server.address());
      assertThat(pgStatic.labels().get("short_version")).startsWith(major + ".");
      assertThat(pgStatic.labels().get("version")).startsWith("PostgreSQL " + major);
      assertThat(m.value("pg_stat_database_conflicts_confl_lock", "datname", db.name,
          "server", db.server.address())).isZero();
    }
  }
}
