package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Backends;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exporter's skeleton against the real local PostgreSQL: up, probe, unreachable. */
class PostgresExporterSmokeTest {
  private final Backends.Endpoint pg = Backends.postgres();

  private String dsn() {
    return "postgresql://" + Backends.postgresUser() + "@" + pg.address() + "/postgres"
        + "?sslmode=disable";
  }

  @Test
  void upWithARealServerAndDownWithAClosedPort() throws Exception {
    try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
        Map.of("DATA_SOURCE_NAME", dsn()))) {
      Exposition m = e.scrape();
      assertThat(m.value("pg_up")).isEqualTo(1);
      assertThat(m.names()).contains("postgres_exporter_build_info", "pg_exporter_scrapes_total");

      InProcessExporter.Response closed = e.get("/probe?target=127.0.0.1:"
          + Backends.freePort() + "/postgres", "X-Prometheus-Scrape-Timeout-Seconds", "3");
      assertThat(closed.status()).isEqualTo(200);
      assertThat(closed.exposition().value("pg_up")).isEqualTo(0);

      InProcessExporter.Response probe = e.get("/probe?target=" + pg.address()
          + "/postgres?sslmode=disable");
      // Without an auth module the probe connects as the OS user; with trust auth an unknown
      // role is refused, so accept either answer but require a clean 200 with pg_up.
      assertThat(probe.status()).isEqualTo(200);
      assertThat(probe.exposition().names()).contains("pg_up");
    }
  }

  @Test
  void authModuleSuppliesCredentialsForProbes() throws Exception {
    java.nio.file.Path config = java.nio.file.Files.createTempFile("pg", ".yml");
    java.nio.file.Files.writeString(config, "auth_modules:\n  local:\n    type: userpass\n"
        + "    userpass:\n      username: " + Backends.postgresUser() + "\n      password: x\n"
        + "    options:\n      sslmode: disable\n");
    try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
        List.of("--config.file=" + config), Map.of())) {
      InProcessExporter.Response r =
          e.get("/probe?target=" + pg.address() + "/postgres&auth_module=local");
      assertThat(r.exposition().value("pg_up")).isEqualTo(1);
      assertThat(e.get("/probe?target=" + pg.address() + "/postgres&auth_module=other").status())
          .isEqualTo(400);
    } finally {
      java.nio.file.Files.deleteIfExists(config);
    }
  }
}
