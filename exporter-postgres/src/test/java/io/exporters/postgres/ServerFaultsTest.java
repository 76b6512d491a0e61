package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.testing.Exposition;
import io.exporters.common.testing.InProcessExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A private server stopped mid-run and started again. */
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
}
