package io.exporters.postgres.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User queries (queries.yaml) with types per column, TTL, per-query timeout, version range. */
class CustomQueriesTest {
  @TempDir Path dir;

  static final String QUERIES = String.join("\n",
      "exp_orders:",
      "  query: \"SELECT status, count(*) AS total, sum(amount) AS amount FROM orders"
          + " GROUP BY status\"",
      "  ttl: 1h",
      "  metrics:",
      "    - status: {usage: LABEL, description: Order status}",
      "    - total: {usage: GAUGE, description: Orders by status}",
      "    - amount: {usage: COUNTER, description: Amount ordered}",
      "exp_slow:",
      "  query: \"SELECT pg_sleep(5)::text AS slept, 1 AS one\"",
      "  timeout: 300ms",
      "  metrics:",
      "    - slept: {usage: DISCARD}",
      "    - one: {usage: GAUGE, description: never seen}",
      "exp_future:",
      "  query: \"SELECT 1 AS x\"",
      "  runonserver: \">=99.0.0\"",
      "  metrics:",
      "    - x: {usage: GAUGE}",
      "");

  @Test
  void runsTheQueriesWithTheirSettings() throws Exception {
    Path file = dir.resolve("queries.yaml");
    Files.writeString(file, QUERIES);
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      db.execute("CREATE TABLE orders (status text, amount numeric)",
          "INSERT INTO orders VALUES ('paid', 10), ('paid', 5.5), ('open', 1)");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--extend.query-path=" + file), Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        InProcessExporter.Response r = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds",
            "10");
        Exposition m = r.exposition();
        assertThat(m.value("exp_orders_total", "status", "paid")).isEqualTo(2);
        assertThat(m.value("exp_orders_amount", "status", "paid")).isEqualTo(15.5);
        assertThat(m.familyOrFail("exp_orders_amount").type()).isEqualTo("counter");
        assertThat(m.familyOrFail("exp_orders_total").help()).startsWith("Orders by status");
        assertThat(m.value("pg_scrape_collector_success", "collector", "exp_orders"))
            .isEqualTo(1);
        assertThat(m.value("pg_scrape_collector_cache_age_seconds", "collector", "exp_orders"))
            .isZero();
        // The query's own 300ms timeout cancels it server-side; the rest of the scrape is fine.
        assertThat(m.value("pg_scrape_collector_success", "collector", "exp_slow")).isZero();
        assertThat(m.value("pg_scrape_collector_duration_seconds", "collector", "exp_slow"))
            .isLessThan(4);
        assertThat(m.names()).doesNotContain("exp_slow_one", "exp_future_x");
        assertThat(m.find("pg_scrape_collector_success", "collector", "exp_future")).isEmpty();

        db.execute("INSERT INTO orders VALUES ('paid', 1)");
        Exposition cached = e.scrape();
        assertThat(cached.value("exp_orders_total", "status", "paid")).isEqualTo(2);
        assertThat(cached.value("pg_scrape_collector_cache_age_seconds", "collector",
            "exp_orders")).isPositive();
      }
    }
  }

  @Test
  void badFilesNameTheFileAndKey() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "exp_a:\n  query: SELECT 1 AS x\n  metrics:\n"
        + "    - x: {usage: GAGE}\n");
    assertThatThrownBy(() -> CustomQueries.load(file)).hasMessage("queries file " + file
        + ": key 'exp_a.metrics[0].x.usage': unknown usage 'GAGE' (use LABEL, COUNTER, GAUGE,"
        + " DURATION or DISCARD)");
    Files.writeString(file, "exp_a:\n  qurey: SELECT 1\n");
    assertThatThrownBy(() -> CustomQueries.load(file))
        .hasMessageStartingWith("queries file " + file + ": unknown key 'exp_a.qurey' (known "
            + "keys here: cache_seconds, master, max_version, metrics, min_version, query, "
            + "runonserver, timeout, ttl)");
    Files.writeString(file, "exp_a:\n  metrics: [{x: {usage: GAUGE}}]\n");
    assertThatThrownBy(() -> CustomQueries.load(file))
        .hasMessage("queries file " + file + ": key 'exp_a.query': required, the SQL to run");
    Files.writeString(file, "database:\n  query: SELECT 1 AS x\n  metrics: [{x: {usage: GAUGE}}]"
        + "\n");
    assertThatThrownBy(() -> InProcessExporter.start(new PostgresExporter(),
        List.of("--extend.query-path=" + file), Map.of()))
        .hasMessageContaining("the name of a built-in collector");
    assertThatThrownBy(() -> InProcessExporter.start(new PostgresExporter(),
        List.of("--extend.query-path=" + dir.resolve("missing.yaml")), Map.of()))
        .hasMessage("cannot read queries file " + dir.resolve("missing.yaml") + ": no such file");
  }
}
