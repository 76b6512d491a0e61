package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Await;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collectors that are off by default, switched on, against state the test creates. */
class OptionalCollectorsTest {
  @Test
  void reportTransactionsIdlersIndexesAndXidAges() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        Connection openTx = db.connect();
        Connection idle = db.connect()) {
      db.execute("CREATE TABLE t (id int primary key, v int)",
          "CREATE INDEX t_v ON t (v)",
          "INSERT INTO t SELECT g, g FROM generate_series(1, 200) g",
          "SELECT count(*) FROM t WHERE v = 5");
      idle.createStatement().execute("SET application_name = 'idler'");
      openTx.setAutoCommit(false);
      openTx.createStatement().execute("SELECT txid_current()");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--collector.long_running_transactions", "--collector.process_idle",
              "--collector.statio_user_indexes", "--collector.database_wraparound"),
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        Exposition m = Await.value("the open transaction is a second old", Duration.ofSeconds(20),
            e::scrape, x -> x.find("pg_long_running_transactions_oldest_timestamp_seconds")
                .orElse(0) >= 1);
        for (String c : List.of("long_running_transactions", "process_idle",
            "statio_user_indexes", "database_wraparound", "stat_progress_vacuum")) {
          assertThat(m.value("pg_scrape_collector_success", "collector", c)).as(c).isEqualTo(1);
        }
        assertThat(m.value("pg_long_running_transactions")).isGreaterThanOrEqualTo(1);
        assertThat(m.value("pg_long_running_transactions_oldest_timestamp_seconds"))
            .isGreaterThanOrEqualTo(1);
        assertThat(m.value("pg_process_idle_seconds_count", "state", "idle",
            "application_name", "idler")).isEqualTo(1);
        assertThat(m.value("pg_process_idle_seconds_bucket", "state", "idle",
            "application_name", "idler", "le", "+Inf")).isEqualTo(1);
        assertThat(m.familyOrFail("pg_process_idle_seconds").type()).isEqualTo("histogram");
        assertThat(m.value("pg_statio_user_indexes_idx_blks_read_total", "relname", "t",
            "indexrelname", "t_v") + m.value("pg_statio_user_indexes_idx_blks_hit_total",
            "relname", "t", "indexrelname", "t_v")).isGreaterThan(0);
        assertThat(m.value("pg_database_wraparound_age_datfrozenxid_seconds", "datname",
            db.name)).isPositive();
        // No VACUUM is running: the collector answers with no series, not an error.
        assertThat(m.names()).doesNotContain("pg_stat_progress_vacuum_phase");
      } finally {
        openTx.rollback();
      }
    }
  }

  @Test
  void progressVacuumQueryRunsOnThisServerVersion() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        Connection c = db.connect()) {
      int major = c.getMetaData().getDatabaseMajorVersion();
      c.createStatement().executeQuery(StatProgressVacuumCollector.sql(major >= 17)).close();
    }
  }
}
