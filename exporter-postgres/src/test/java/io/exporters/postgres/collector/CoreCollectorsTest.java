package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** database, locks, replication, stat_bgwriter, stat_database, postmaster on a real server. */
class CoreCollectorsTest {
  static PostgresTestDatabase db;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = new PostgresTestDatabase();
    db.execute("CREATE TABLE t (id int primary key, v text)",
        "INSERT INTO t SELECT g, 'x' FROM generate_series(1, 500) g");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    db.close();
  }

  private InProcessExporter exporter(String... args) throws Exception {
    return InProcessExporter.start(new PostgresExporter(), List.of(args),
        Map.of("DATA_SOURCE_NAME", db.dsn()));
  }

  @Test
  void databaseSizesAreServedFromCacheUntilTheirTtlUnlessTurnedOff() throws Exception {
    try (InProcessExporter cached = exporter();
        InProcessExporter uncached = exporter("--collector.database.ttl=0s")) {
      Exposition before = cached.scrape();
      Exposition uncachedBefore = uncached.scrape();
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE grow AS SELECT g, repeat('x', 200) AS pad"
            + " FROM generate_series(1, 20000) g");
      }
      Exposition after = cached.scrape();
      assertThat(after.value("pg_database_size_bytes", "datname", db.name))
          .isEqualTo(before.value("pg_database_size_bytes", "datname", db.name));
      assertThat(after.value("pg_scrape_collector_cache_age_seconds", "collector", "database"))
          .isGreaterThan(0);
      assertThat(after.familyOrFail("pg_database_size_bytes").help())
          .endsWith("(cached: refreshed at most every 60s)");
      Exposition uncachedAfter = uncached.scrape();
      assertThat(uncachedAfter.value("pg_database_size_bytes", "datname", db.name))
          .isGreaterThan(uncachedBefore.value("pg_database_size_bytes", "datname", db.name)
              + 2_000_000);
      assertThat(uncachedAfter.find("pg_scrape_collector_cache_age_seconds", "collector",
          "database")).isEmpty();
    }
  }

  @Test
  void defaultCollectorsReportWhatTheTestCaused() throws Exception {
    try (InProcessExporter e = exporter("--collector.postmaster");
        Connection holder = db.connect();
        Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      s.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
      Exposition m = e.scrape();
      holder.rollback();

      for (String c : List.of("database", "locks", "replication", "stat_bgwriter",
          "stat_database", "postmaster", "stat_user_tables", "settings", "stat_activity")) {
        assertThat(m.value("pg_scrape_collector_success", "collector", c)).as(c).isEqualTo(1);
      }
      assertThat(m.value("pg_up")).isEqualTo(1);
      assertThat(m.value("pg_database_size_bytes", "datname", db.name)).isGreaterThan(1_000_000);
      assertThat(m.value("pg_database_connection_limit", "datname", db.name)).isEqualTo(-1);
      assertThat(m.value("pg_locks_count", "datname", db.name, "mode", "accessexclusivelock"))
          .isGreaterThanOrEqualTo(1);
      assertThat(m.value("pg_locks_count", "datname", db.name, "mode", "sireadlock")).isZero();
      assertThat(m.value("pg_replication_is_replica")).isZero();
      assertThat(m.value("pg_replication_lag_seconds")).isZero();
      assertThat(m.familyOrFail("pg_stat_bgwriter_checkpoints_timed_total").type())
          .isEqualTo("counter");
      assertThat(m.value("pg_stat_database_tup_inserted", "datname", db.name))
          .isGreaterThanOrEqualTo(500);
      assertThat(m.familyOrFail("pg_stat_database_xact_commit").type()).isEqualTo("counter");
      assertThat(m.value("pg_stat_database_numbackends", "datname", db.name))
          .isGreaterThanOrEqualTo(1);
      assertThat(m.find("pg_stat_database_xact_commit", "datid", "0")).isEmpty();
      // The exclusively locked table is listed, without the sizes that would wait for the lock.
      assertThat(m.value("pg_stat_user_tables_n_tup_ins", "relname", "t")).isEqualTo(500);
      assertThat(m.find("pg_stat_user_tables_table_size_bytes", "relname", "t")).isEmpty();
      assertThat(m.value("pg_postmaster_start_time_seconds"))
          .isBetween(1.0e9, System.currentTimeMillis() / 1000.0);
    }
  }

  @Test
  void textOutputKeepsTheAnchorsNames() throws Exception {
    try (InProcessExporter e = exporter()) {
      String text = e.get("/metrics").text();
      assertThat(text).contains("# TYPE pg_stat_database_xact_commit counter\n")
          .contains("pg_stat_database_xact_commit{datid=")
          .doesNotContain("pg_stat_database_xact_commit_total");
    }
  }
}
