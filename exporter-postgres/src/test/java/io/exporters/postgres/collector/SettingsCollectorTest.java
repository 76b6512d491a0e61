package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.testkit.Backends;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCollectorTest {
  @Test
  void convertsUnitsAsPostgresExporterDoes() {
    assertThat(SettingsCollector.Setting.parse("16384", "8kB", false))
        .isEqualTo(new SettingsCollector.Setting(134217728, "bytes"));
    assertThat(SettingsCollector.Setting.parse("200", "ms", false))
        .isEqualTo(new SettingsCollector.Setting(0.2, "seconds"));
    assertThat(SettingsCollector.Setting.parse("1", "min", false))
        .isEqualTo(new SettingsCollector.Setting(60, "seconds"));
    assertThat(SettingsCollector.Setting.parse("-1", "kB", false))
        .isEqualTo(new SettingsCollector.Setting(-1, "bytes"));
    assertThat(SettingsCollector.Setting.parse("on", "", true))
        .isEqualTo(new SettingsCollector.Setting(1, ""));
    assertThat(SettingsCollector.Setting.parse("100", "", false))
        .isEqualTo(new SettingsCollector.Setting(100, ""));
    assertThat(SettingsCollector.Setting.parse("abc", "", false)).isNull();
    assertThat(SettingsCollector.Setting.parse("5", "furlongs", false)).isNull();
  }

  @Test
  void exportsTheServersActualSettings() throws Exception {
    Backends.Endpoint pg = Backends.postgres();
    double sharedBuffers;
    double maxConnections;
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pg.address()
        + "/postgres?sslmode=disable", Backends.postgresUser(), "");
        ResultSet rs = c.createStatement().executeQuery("SELECT "
            + "(SELECT setting::float * 8192 FROM pg_settings WHERE name = 'shared_buffers'), "
            + "current_setting('max_connections')::float")) {
      rs.next();
      sharedBuffers = rs.getDouble(1);
      maxConnections = rs.getDouble(2);
    }
    try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
        Map.of("DATA_SOURCE_NAME", "postgresql://" + Backends.postgresUser() + "@" + pg.address()
            + "/postgres?sslmode=disable"))) {
      Exposition m = e.scrape();
      assertThat(m.value("pg_settings_shared_buffers_bytes")).isEqualTo(sharedBuffers);
      assertThat(m.value("pg_settings_max_connections")).isEqualTo(maxConnections);
      assertThat(m.value("pg_settings_autovacuum")).isIn(0.0, 1.0);
      assertThat(m.familyOrFail("pg_settings_checkpoint_timeout_seconds").help())
          .isEqualTo("Server Parameter: checkpoint_timeout [Units converted to seconds.]");
      assertThat(m.value("pg_scrape_collector_success", "collector", "settings")).isEqualTo(1);
    }
  }
}
