package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-table sizes come from the cached table_sizes collector (5 minutes by default, and the HELP
 * and cache age say so) while the activity counters of the same tables stay live.
 */
class TableSizesTest {
  @Test
  void sizesAreCachedAndCountersStayLive() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      db.execute("CREATE TABLE grows (id int primary key, pad text)");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--include-databases=" + db.name), Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        Exposition first = e.scrape();
        double size = first.value("pg_stat_user_tables_table_size_bytes", "datname", db.name,
            "relname", "grows");
        assertThat(first.value("pg_scrape_collector_cache_age_seconds", "collector",
            "table_sizes")).isZero();
        assertThat(first.familyOrFail("pg_stat_user_tables_table_size_bytes").help())
            .contains("cached: refreshed at most every 300s");

        db.execute("INSERT INTO grows SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g");
        // The server publishes a backend's counters up to seconds after its transaction ends.
        Exposition later = e.scrape();
        long until = System.nanoTime() + 20_000_000_000L;
        while (later.value("pg_stat_user_tables_n_tup_ins", "datname", db.name, "relname",
            "grows") < 5000 && System.nanoTime() < until) {
          Thread.sleep(200);
          later = e.scrape();
        }
        assertThat(later.value("pg_stat_user_tables_table_size_bytes", "datname", db.name,
            "relname", "grows")).isEqualTo(size);
        assertThat(later.value("pg_stat_user_tables_n_tup_ins", "datname", db.name,
            "relname", "grows")).isEqualTo(5000);
        assertThat(later.value("pg_scrape_collector_cache_age_seconds", "collector",
            "table_sizes")).isPositive();
      }
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--include-databases=" + db.name, "--collector.table_sizes.ttl=0s"),
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        Exposition live = e.scrape();
        assertThat(live.value("pg_stat_user_tables_table_size_bytes", "datname", db.name,
            "relname", "grows")).isGreaterThan(1_000_000);
        assertThat(live.find("pg_scrape_collector_cache_age_seconds", "collector",
            "table_sizes")).isEmpty();
      }
    }
  }
}
