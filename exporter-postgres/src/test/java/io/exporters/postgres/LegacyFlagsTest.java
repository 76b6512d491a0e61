package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.config.ConfigException;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** postgres_exporter 0.11.1's flags, as a Debian unit's ARGS would pass them. */
class LegacyFlagsTest {
  private PostgresTestDatabase db;

  @BeforeEach
  void setUp() throws Exception {
    db = new PostgresTestDatabase();
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  private Exposition scrape(Map<String, String> env, String... args) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("DATA_SOURCE_NAME", db.dsn());
    List<String> flags = new java.util.ArrayList<>(List.of(args));
    flags.add("--include-databases=" + db.name);
    try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), flags, all)) {
      return e.scrape();
    }
  }

  private static boolean ran(Exposition m, String collector) {
    return m.find("pg_scrape_collector_success", "collector", collector).isPresent();
  }

  @Test
  void bgwriterIsTheOldNameOfStatBgwriter() throws Exception {
    assertThat(ran(scrape(Map.of(), "--no-collector.bgwriter"), "stat_bgwriter")).isFalse();
    Exposition on = scrape(Map.of(), "--collector.bgwriter");
    assertThat(on.value("pg_scrape_collector_success", "collector", "stat_bgwriter"))
        .isEqualTo(1);
  }

  @Test
  void disableSwitchesTurnOffWhatTheyDidIn011UnlessACollectorFlagSaysOtherwise()
      throws Exception {
    Exposition noSettings = scrape(Map.of(), "--disable-settings-metrics");
    assertThat(ran(noSettings, "settings")).isFalse();
    assertThat(noSettings.names()).noneMatch(n -> n.startsWith("pg_settings_"));
    assertThat(ran(noSettings, "locks")).isTrue();

    Exposition noDefaults = scrape(Map.of(), "--disable-default-metrics", "--collector.locks");
    for (String c : List.of("stat_database", "stat_activity", "stat_archiver", "static")) {
      assertThat(ran(noDefaults, c)).as(c).isFalse();
    }
    assertThat(ran(noDefaults, "locks")).isTrue();
    assertThat(ran(noDefaults, "database")).isTrue();
    assertThat(ran(noDefaults, "settings")).isTrue();

    Exposition fromEnv = scrape(Map.of("PG_EXPORTER_DISABLE_SETTINGS_METRICS", "true"));
    assertThat(ran(fromEnv, "settings")).isFalse();
  }

  @Test
  void constantLabelsGoOnEveryCollectorSeries() throws Exception {
    Exposition m = scrape(Map.of(), "--constantLabels=env=prod,team=db");
    assertThat(m.value("pg_locks_count", "datname", db.name, "mode", "accesssharelock",
        "env", "prod", "team", "db")).isGreaterThanOrEqualTo(0);
    assertThat(m.familyOrFail("pg_database_size_bytes").samples())
        .allSatisfy(s -> assertThat(s.labels()).containsEntry("env", "prod"));
    assertThat(m.familyOrFail("pg_up").samples().get(0).labels()).isEmpty();

    Exposition fromEnv = scrape(Map.of("PG_EXPORTER_CONSTANT_LABELS", "env=stage"),
        "--compat=0.11");
    assertThat(fromEnv.familyOrFail("pg_stat_archiver_archived_count").samples().get(0)
        .labels()).containsEntry("env", "stage").containsKey("server");
  }

  @Test
  void valuesThatCannotWorkStopTheStartNamingTheFlag() {
    assertThatThrownBy(() -> InProcessExporter.start(new PostgresExporter(),
        List.of("--metric-prefix=postgres"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("flag --metric-prefix")
        .hasMessageContaining("only the prefix 'pg' is supported");
    assertThatThrownBy(() -> InProcessExporter.start(new PostgresExporter(),
        List.of("--constantLabels=env"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("flag --constantLabels")
        .hasMessageContaining("key 'constant_labels'");
    assertThatThrownBy(() -> InProcessExporter.start(new PostgresExporter(),
        List.of("--collector.bgwriter", "--no-collector.stat_bgwriter"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("old name of stat_bgwriter");
  }
}
