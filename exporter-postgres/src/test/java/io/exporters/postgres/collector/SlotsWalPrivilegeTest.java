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

/** replication_slots on a slot the test creates; wal with and without pg_monitor. */
class SlotsWalPrivilegeTest {
  @Test
  void physicalSlotAndWalDirectory() throws Exception {
    String slot = "exp_slot_" + System.nanoTime();
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        Connection admin = db.admin();
        Statement s = admin.createStatement()) {
      s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        Exposition m = e.scrape();
        assertThat(m.value("pg_replication_slots_active", "slot_name", slot)).isZero();
        assertThat(m.value("pg_replication_slots_pg_wal_lsn_diff", "slot_name", slot))
            .isGreaterThanOrEqualTo(0);
        assertThat(m.value("pg_replication_slots_slot_is_active", "slot_name", slot,
            "slot_type", "physical")).isZero();
        assertThat(m.value("pg_replication_slots_wal_status", "slot_name", slot,
            "wal_status", "reserved")).isEqualTo(1);
        assertThat(m.value("pg_wal_segments")).isGreaterThanOrEqualTo(1);
        assertThat(m.value("pg_wal_size_bytes")).isGreaterThanOrEqualTo(16 * 1024 * 1024);
      } finally {
        s.execute("SELECT pg_drop_replication_slot('" + slot + "')");
      }
    }
  }

  @Test
  void missingPrivilegeCostsOnlyThatCollector() throws Exception {
    String role = "exp_nopriv_" + System.nanoTime();
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        Connection admin = db.admin();
        Statement s = admin.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
          Map.of("DATA_SOURCE_NAME", "postgresql://" + role + "@" + db.server.address() + "/"
              + db.name + "?sslmode=disable"))) {
        InProcessExporter.Response r = e.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        Exposition m = r.exposition();
        assertThat(m.value("pg_up")).isEqualTo(1);
        assertThat(m.value("pg_scrape_collector_success", "collector", "wal")).isZero();
        assertThat(m.value("pg_scrape_collector_success", "collector", "stat_database"))
            .isEqualTo(1);
        assertThat(m.names()).doesNotContain("pg_wal_segments");
      } finally {
        s.execute("DROP ROLE " + role);
      }
    }
  }
}
