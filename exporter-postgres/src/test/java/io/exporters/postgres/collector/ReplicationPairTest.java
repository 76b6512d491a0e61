package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivatePostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A private primary with a streaming standby: both sides of replication, as each sees it. */
class ReplicationPairTest {
  @Test
  void primaryAndStandbyReportTheirSides() throws Exception {
    try (PrivatePostgres primary = new PrivatePostgres();
        PrivatePostgres standby = PrivatePostgres.standbyOf(primary);
        InProcessExporter onPrimary = InProcessExporter.start(new PostgresExporter(), List.of(),
            Map.of("DATA_SOURCE_NAME", primary.dsn()));
        InProcessExporter onStandby = InProcessExporter.start(new PostgresExporter(),
            List.of("--collector.stat_wal_receiver"),
            Map.of("DATA_SOURCE_NAME", standby.dsn()))) {
      Exposition p = null;
      for (int i = 0; i < 50; i++) {
        p = onPrimary.scrape();
        // Streaming starts before the standby reports its first replay position (NULL: NaN).
        if (p.find("pg_stat_replication_pg_wal_lsn_diff", "state", "streaming").isPresent()
            && !Double.isNaN(p.value("pg_stat_replication_pg_wal_lsn_diff", "state",
                "streaming"))) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(p.value("pg_replication_is_replica")).isZero();
      assertThat(p.value("pg_stat_replication_pg_wal_lsn_diff", "state", "streaming"))
          .isGreaterThanOrEqualTo(0);
      assertThat(p.value("pg_stat_replication_pg_current_wal_lsn_bytes", "state", "streaming"))
          .isPositive();
      assertThat(p.value("pg_scrape_collector_success", "collector", "stat_replication"))
          .isEqualTo(1);
      String pid = p.familyOrFail("pg_stat_replication_pg_wal_lsn_diff").samples().get(0)
          .labels().get("pid");
      try (InProcessExporter old = InProcessExporter.start(new PostgresExporter(),
          List.of("--compat=0.11"), Map.of("DATA_SOURCE_NAME", primary.dsn()))) {
        // 0.11's labels: no pid, and slot_name carrying the pid as 0.11 filled it.
        Exposition o = old.scrape();
        assertThat(o.value("pg_stat_replication_pg_wal_lsn_diff", "state", "streaming",
            "slot_name", pid, "server", "127.0.0.1:" + primary.port)).isGreaterThanOrEqualTo(0);
        assertThat(o.familyOrFail("pg_stat_replication_pg_wal_lsn_diff").samples().get(0)
            .labels()).doesNotContainKey("pid");
      }

      Exposition s = onStandby.scrape();
      assertThat(s.value("pg_up")).isEqualTo(1);
      assertThat(s.value("pg_replication_is_replica")).isEqualTo(1);
      assertThat(s.value("pg_replication_lag_seconds")).isGreaterThanOrEqualTo(0);
      assertThat(s.value("pg_stat_wal_receiver_received_tli", "status", "streaming"))
          .isEqualTo(1);
      assertThat(s.value("pg_stat_wal_receiver_flushed_lsn", "status", "streaming")).isPositive();
      for (String c : List.of("stat_wal_receiver", "replication", "replication_slots",
          "stat_replication", "wal", "stat_database")) {
        assertThat(s.value("pg_scrape_collector_success", "collector", c)).as(c).isEqualTo(1);
      }
    }
  }
}
