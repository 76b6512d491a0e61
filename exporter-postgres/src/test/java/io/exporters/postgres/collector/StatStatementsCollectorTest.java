package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.config.ConfigException;
import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivatePostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stat_statements on a private server with the library preloaded; and where it is missing. */
class StatStatementsCollectorTest {
  @Test
  void reportsTheTopStatementsByTotalTimeWithinTheLimit() throws Exception {
    try (PrivatePostgres pg = PrivatePostgres.withSettings(
        "shared_preload_libraries=pg_stat_statements");
        Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + pg.port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION pg_stat_statements");
      s.execute("CREATE TABLE items AS SELECT g AS id FROM generate_series(1, 1000) g");
      for (int i = 0; i < 3; i++) {
        s.execute("SELECT pg_sleep(0.05)");
      }
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM items WHERE id > ?")) {
        for (int i = 0; i < 7; i++) {
          p.setInt(1, i);
          p.executeQuery().close();
        }
      }
      for (int i = 0; i < 20; i++) {
        s.execute("SELECT " + i + " AS cheap_" + i);
      }

      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--collector.stat_statements", "--collector.stat_statements.limit=3",
              "--collector.stat_statements.include_query=true",
              "--collector.stat_statements.query_length=40"),
          Map.of("DATA_SOURCE_NAME", pg.dsn()))) {
        Exposition m = e.scrape();
        assertThat(m.value("pg_scrape_collector_success", "collector", "stat_statements"))
            .isEqualTo(1);
        // The cardinality guard: never more series than the limit.
        assertThat(m.familyOrFail("pg_stat_statements_calls_total").samples()).hasSize(3);
        String sleep = queryId(m, "SELECT pg_sleep");
        assertThat(m.value("pg_stat_statements_calls_total", "user", "postgres",
            "datname", "postgres", "queryid", sleep)).isEqualTo(3);
        assertThat(m.value("pg_stat_statements_seconds_total", "queryid", sleep))
            .isBetween(0.15, 5.0);
        assertThat(m.familyOrFail("pg_stat_statements_seconds_total").type())
            .isEqualTo("counter");
        // The slowest comes first; the query text is cut to query_length.
        assertThat(m.familyOrFail("pg_stat_statements_query_id").samples())
            .allSatisfy(q -> assertThat(q.labels().get("query")).hasSizeLessThanOrEqualTo(40));
      }
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--collector.stat_statements",
              "--collector.stat_statements.exclude_users=postgres"),
          Map.of("DATA_SOURCE_NAME", pg.dsn()))) {
        Exposition m = e.scrape();
        assertThat(m.value("pg_scrape_collector_success", "collector", "stat_statements"))
            .isEqualTo(1);
        assertThat(m.find("pg_stat_statements_calls_total", "user", "postgres")).isEmpty();
      }
    }
  }

  @Test
  void withoutTheExtensionOnlyThisCollectorFails() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
            List.of("--collector.stat_statements", "--include-databases=" + db.name),
            Map.of("DATA_SOURCE_NAME", db.dsn()))) {
      Exposition m = e.scrape();
      assertThat(m.value("pg_up")).isEqualTo(1);
      assertThat(m.value("pg_scrape_collector_success", "collector", "stat_statements"))
          .isZero();
      assertThat(m.value("pg_scrape_collector_success", "collector", "stat_database"))
          .isEqualTo(1);
    }
  }

  @Test
  void aBadLimitStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> InProcessExporter.start(new PostgresExporter(),
        List.of("--collector.stat_statements.limit=lots"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'collectors.stat_statements.limit'")
        .hasMessageContaining("expected a positive integer, got 'lots'");
  }

  private static String queryId(Exposition m, String queryPrefix) {
    return m.familyOrFail("pg_stat_statements_query_id").samples().stream()
        .filter(s -> s.labels().get("query").startsWith(queryPrefix))
        .findFirst().orElseThrow(() -> new AssertionError("no statement " + queryPrefix))
        .labels().get("queryid");
  }
}
