package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Await;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stat_user_tables and statio_user_tables on a table the test fills, scans and vacuums. */
class UserTablesCollectorsTest {
  @Test
  void reportsTheTablesActivity() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      db.execute("CREATE SCHEMA app", "CREATE TABLE app.orders (id int primary key, note text)",
          "INSERT INTO app.orders SELECT g, repeat('x', 100) FROM generate_series(1, 1000) g",
          "DELETE FROM app.orders WHERE id <= 100",
          "UPDATE app.orders SET note = 'y' WHERE id = 500",
          "SELECT count(*) FROM app.orders",
          "VACUUM ANALYZE app.orders");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        String[] table = {"datname", db.name, "schemaname", "app", "relname", "orders"};
        // Table statistics reach the cumulative stats system some time after the session ends.
        Exposition m = Await.value("the table's statistics are published", Duration.ofSeconds(20),
            e::scrape, x -> x.find("pg_stat_user_tables_vacuum_count", table).orElse(0) == 1
                && x.find("pg_stat_user_tables_n_tup_ins", table).orElse(0) == 1000);
        assertThat(m.value("pg_stat_user_tables_n_tup_ins", table)).isEqualTo(1000);
        assertThat(m.value("pg_stat_user_tables_n_tup_del", table)).isEqualTo(100);
        assertThat(m.value("pg_stat_user_tables_n_tup_upd", table)).isEqualTo(1);
        assertThat(m.value("pg_stat_user_tables_seq_scan", table)).isGreaterThanOrEqualTo(1);
        // n_live_tup is an estimate that VACUUM and ANALYZE revise: assert only that it exists.
        assertThat(m.value("pg_stat_user_tables_n_live_tup", table)).isPositive();
        assertThat(m.value("pg_stat_user_tables_vacuum_count", table)).isEqualTo(1);
        assertThat(m.value("pg_stat_user_tables_last_vacuum", table))
            .isGreaterThan(System.currentTimeMillis() / 1000.0 - 600);
        assertThat(m.value("pg_stat_user_tables_last_autovacuum", table)).isZero();
        assertThat(m.value("pg_stat_user_tables_table_size_bytes", table)).isGreaterThan(8192);
        assertThat(m.value("pg_stat_user_tables_index_size_bytes", table)).isGreaterThan(0);
        assertThat(m.familyOrFail("pg_stat_user_tables_n_tup_ins").type()).isEqualTo("counter");
        assertThat(m.familyOrFail("pg_stat_user_tables_n_dead_tup").type()).isEqualTo("gauge");
        assertThat(m.value("pg_statio_user_tables_heap_blocks_read", table)
            + m.value("pg_statio_user_tables_heap_blocks_hit", table)).isGreaterThan(0);
        assertThat(m.value("pg_scrape_collector_success", "collector", "statio_user_tables"))
            .isEqualTo(1);
      }
    }
  }
}
