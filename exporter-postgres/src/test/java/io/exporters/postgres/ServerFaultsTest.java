package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivatePostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A private server stopped mid-run and started again; a built-in query stuck past the deadline. */
class ServerFaultsTest {
  @Test
  void stoppedServerGivesUpZeroInTimeAndTheExporterRecovers() throws Exception {
    try (PrivatePostgres pg = new PrivatePostgres();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
            Map.of("DATA_SOURCE_NAME", pg.dsn()))) {
      assertThat(e.scrape().value("pg_up")).isEqualTo(1);

      pg.stop();
      InProcessExporter.Response down = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds",
          "3");
      assertThat(down.status()).isEqualTo(200);
      Exposition m = down.exposition();
      assertThat(m.value("pg_up")).isZero();
      assertThat(m.value("pg_scrape_collector_success", "collector", "stat_database")).isZero();
      assertThat(m.names()).doesNotContain("pg_stat_database_xact_commit");

      pg.start();
      Exposition back = e.scrape();
      assertThat(back.value("pg_up")).isEqualTo(1);
      assertThat(back.value("pg_scrape_collector_success", "collector", "stat_database"))
          .isEqualTo(1);
    }
  }

  @Test
  void builtInQueriesStuckPastTheDeadlineCostOnlyTheirCollectors() throws Exception {
    // stat_replication left out: with it, three collectors would wait on the lock and hold all
    // three connections, and the rest would have none left.
    try (PrivatePostgres pg = new PrivatePostgres();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
            List.of("--no-collector.stat_replication"), Map.of("DATA_SOURCE_NAME", pg.dsn()));
        Connection admin = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + pg.port + "/postgres", "postgres", "");
        Statement s = admin.createStatement()) {
      for (int i = 0; i < 3; i++) {
        assertThat(e.scrape().value("pg_scrape_collector_success", "collector", "roles"))
            .isEqualTo(1);
      }
      // pg_roles and pg_stat_activity read pg_authid: roles and stat_activity wait for this
      // lock, the other collectors do not.
      admin.setAutoCommit(false);
      s.execute("LOCK TABLE pg_authid IN ACCESS EXCLUSIVE MODE");
      long started = System.nanoTime();
      // 0.9 s minus the 0.5 s margin: a 0.4 s deadline, well inside the 1 s lock_timeout.
      InProcessExporter.Response r = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds",
          "0.9");
      double tookSeconds = (System.nanoTime() - started) / 1e9;
      admin.rollback();
      assertThat(r.status()).isEqualTo(200);
      Exposition m = r.exposition();
      assertThat(tookSeconds).as("answered by the scrape deadline").isLessThan(0.9);
      assertThat(m.value("pg_up")).isEqualTo(1);
      assertThat(m.value("pg_scrape_collector_success", "collector", "roles")).isZero();
      assertThat(m.value("pg_scrape_collector_success", "collector", "stat_activity")).isZero();
      assertThat(m.names()).doesNotContain("pg_roles_connection_limit");
      for (String c : List.of("stat_archiver", "settings", "database", "locks", "wal")) {
        assertThat(m.value("pg_scrape_collector_success", "collector", c)).as(c).isEqualTo(1);
      }

      // The stuck connection was aborted, not leaked; the next scrape is whole again.
      Exposition back = e.scrape();
      assertThat(back.value("pg_scrape_collector_success", "collector", "roles")).isEqualTo(1);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
          + "WHERE application_name = 'exporter-postgres'")) {
        rs.next();
        assertThat(rs.getInt(1)).isBetween(1, 3);
      }
    }
  }
}
