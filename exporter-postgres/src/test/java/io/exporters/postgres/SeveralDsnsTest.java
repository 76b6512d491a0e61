package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivatePostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A comma-separated DATA_SOURCE_NAME: /metrics scrapes every server, their series told apart by
 * {@code server}; one server down costs only its own series.
 */
class SeveralDsnsTest {
  @Test
  void everyDsnIsScrapedAndLabelledByServer() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        PrivatePostgres other = new PrivatePostgres();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
            List.of("--no-auto-discover-databases"),
            Map.of("DATA_SOURCE_NAME", db.dsn() + "," + other.dsn()))) {
      String local = db.server.host() + ":" + db.server.port();
      String privateServer = "127.0.0.1:" + other.port;

      Exposition m = e.scrape();
      assertThat(m.value("pg_up", "server", local)).isEqualTo(1);
      assertThat(m.value("pg_up", "server", privateServer)).isEqualTo(1);
      assertThat(m.value("pg_scrape_collector_success", "collector", "stat_database",
          "server", privateServer)).isEqualTo(1);
      assertThat(m.find("pg_stat_database_xact_commit", "datname", db.name, "server", local))
          .isPresent();
      assertThat(m.find("pg_stat_database_xact_commit", "datname", db.name,
          "server", privateServer)).isEmpty();
      assertThat(m.value("pg_settings_max_connections", "server", privateServer)).isPositive();

      other.stop();
      Exposition down = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "3")
          .exposition();
      assertThat(down.value("pg_up", "server", privateServer)).isZero();
      assertThat(down.value("pg_up", "server", local)).isEqualTo(1);
      assertThat(down.find("pg_stat_database_xact_commit", "datname", db.name, "server", local))
          .isPresent();
    }
  }
}
