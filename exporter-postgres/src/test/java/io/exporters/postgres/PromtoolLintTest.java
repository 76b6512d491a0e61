package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.Promtool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every collector's output, current and 0.11 generation, through {@code promtool check metrics}:
 * it parses, and the only lint findings are the two naming rules postgres_exporter's own names
 * break (counters without _total, gauges ending in _count), which dashboards depend on.
 */
class PromtoolLintTest {
  private static final List<String> INHERITED = List.of(
      "counter metrics should have \"_total\" suffix",
      "non-histogram and non-summary metrics should not have \"_count\" suffix");

  @ParameterizedTest(name = "compat={0}")
  @ValueSource(strings = {"current", "0.11"})
  void exposedTextPassesPromtool(String compat) throws Exception {
    PostgresExporter definition = new PostgresExporter();
    List<String> args = new java.util.ArrayList<>(List.of("--compat=" + compat));
    for (String name : definition.collectors().names()) {
      args.add("--collector." + name);
    }
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      db.execute("CREATE TABLE items (id int primary key)", "INSERT INTO items VALUES (1)");
      try (InProcessExporter e = InProcessExporter.start(definition, args,
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        List<String> findings = Promtool.lint(e.get("/metrics").text());
        assertThat(findings).allSatisfy(finding ->
            assertThat(INHERITED).anySatisfy(rule -> assertThat(finding).endsWith(rule)));
      }
    }
  }
}
