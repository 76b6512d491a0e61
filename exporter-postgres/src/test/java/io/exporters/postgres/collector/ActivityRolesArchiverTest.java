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
import org.junit.jupiter.api.Test;

/** stat_activity, roles and stat_archiver against what the test sets up. */
class ActivityRolesArchiverTest {
  @Test
  void reportsConnectionsRolesAndArchiver() throws Exception {
    String role = "exp_role_" + System.nanoTime();
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        Connection idleInTx = db.connect();
        Connection admin = db.admin();
        Statement s = admin.createStatement()) {
      s.execute("CREATE ROLE " + role + " CONNECTION LIMIT 7");
      try {
        idleInTx.createStatement().execute("SET application_name = 'activity-test'");
        idleInTx.setAutoCommit(false);
        idleInTx.createStatement().execute("SELECT 1");
        try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
            Map.of("DATA_SOURCE_NAME", db.dsn()))) {
          Exposition m = e.scrape();
          assertThat(m.value("pg_stat_activity_count", "datname", db.name,
              "state", "idle in transaction", "application_name", "activity-test"))
              .isEqualTo(1);
          assertThat(m.value("pg_stat_activity_max_tx_duration", "datname", db.name,
              "state", "idle in transaction", "application_name", "activity-test"))
              .isGreaterThanOrEqualTo(0);
          // Zero-filled: every state of every database has a series.
          assertThat(m.value("pg_stat_activity_count", "datname", db.name, "state", "disabled"))
              .isZero();
          // The querying connection is not counted; the pool's other (at most two) may be.
          double own = m.samples("pg_stat_activity_count").stream()
              .filter(x -> "exporter-postgres".equals(x.labels().get("application_name"))
                  && db.name.equals(x.labels().get("datname")))
              .mapToDouble(Exposition.Sample::value).sum();
          assertThat(own).isLessThan(3);
          assertThat(m.value("pg_roles_connection_limit", "rolname", role)).isEqualTo(7);
          assertThat(m.familyOrFail("pg_stat_archiver_archived_count").type())
              .isEqualTo("counter");
          assertThat(m.value("pg_stat_archiver_failed_count")).isGreaterThanOrEqualTo(0);
        }
      } finally {
        idleInTx.rollback();
        s.execute("DROP ROLE " + role);
      }
    }
  }
}
