package io.exporters.postgres.collector;

import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Golden;
import io.exporters.testkit.InProcessExporter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The exact text exposition of the per-table collectors for a fixed schema and workload, compared
 * with {@code golden/stat_user_tables.prom} (regenerate with -Dgolden.update=true). Only series
 * whose values the workload fixes are kept: sizes, estimates and timestamps vary by server.
 */
class GoldenExpositionTest {
  private static final List<String> STABLE = List.of("pg_stat_user_tables_n_tup_ins",
      "pg_stat_user_tables_n_tup_upd", "pg_stat_user_tables_n_tup_del",
      "pg_stat_user_tables_vacuum_count", "pg_stat_user_tables_analyze_count",
      "pg_stat_user_tables_idx_scan");

  @Test
  void statUserTablesMatchesTheGoldenFile() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      db.execute("CREATE SCHEMA shop",
          "CREATE TABLE shop.customers (id int primary key, name text)",
          "CREATE TABLE shop.orders (id int primary key, customer int, total numeric)",
          "INSERT INTO shop.customers SELECT g, 'c' || g FROM generate_series(1, 10) g",
          "INSERT INTO shop.orders SELECT g, g % 10 + 1, g FROM generate_series(1, 50) g",
          "UPDATE shop.orders SET total = total + 1 WHERE id <= 5",
          "DELETE FROM shop.customers WHERE id = 10",
          "SELECT * FROM shop.orders WHERE id = 7",
          "VACUUM ANALYZE shop.orders",
          "SELECT pg_stat_force_next_flush()");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--include-databases=" + db.name, "--no-collector.statio_user_tables"),
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        String text = e.get("/metrics").text();
        String stable = text.lines()
            .filter(line -> STABLE.stream().anyMatch(name -> line.startsWith(name + "{")
                || line.endsWith(" " + name + " counter") || line.startsWith("# HELP " + name
                + " ")))
            .map(line -> line.replace(db.name, "DATABASE"))
            .collect(Collectors.joining("\n", "", "\n"));
        Golden.assertMatches(stable, "golden/stat_user_tables.prom");
      }
    }
  }
}
