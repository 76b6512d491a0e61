package io.exporters.scraper.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.common.exposition.TextFormat;
import io.exporters.common.metrics.MetricType;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.testkit.Exposition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What json_exporter's users ask for: labels from values and from map keys, value mappings,
 * dates as unix seconds, missing keys allowed by choice, duplicates kept by a rule and counted,
 * object metrics, info metrics.
 */
class JsonExtractorTest {
  private static final String STATUS = """
      {"environment": "production", "uptime_seconds": 86400, "events_processed": 10000,
       "last_run": "2024-05-01T12:00:00Z", "status": "healthy",
       "services": {"database": "healthy", "redis": "degraded", "queue": "unhealthy",
                    "cache": "on fire"},
       "version": {"app": "2.3.1", "commit": "abc123"},
       "shards": [{"name": "s1", "docs": 10, "state": "ACTIVE"},
                  {"name": "s1", "docs": 5, "state": "ACTIVE"},
                  {"name": "s2", "docs": 7, "state": "RELOCATING"}]}
      """;

  private ProbeFailure failure;

  private Exposition extract(String onDuplicate, JsonMetric... metrics) throws Exception {
    ProbeMetrics out = new ProbeMetrics();
    failure = JsonExtractor.extract(new JsonExtraction(List.of(metrics),
        JsonExtraction.OnDuplicate.parse(onDuplicate), 100), new ObjectMapper().readTree(STATUS),
        out, new ProbeLog("json", "t"));
    return Exposition.parseText(TextFormat.toText(out.families()));
  }

  private static JsonMetric value(String name, String path, Map<String, String> labels,
      Map<String, Double> valueMap, boolean allowMissing) {
    Map<String, LabelTemplate> templates = new LinkedHashMap<>();
    labels.forEach((k, v) -> templates.put(k, LabelTemplate.parse(v, false)));
    return new JsonMetric(name, name, MetricType.GAUGE, false, JsonPath.parse(path, false),
        templates, null, valueMap, allowMissing);
  }

  @Test
  void valuesLabelsFromValuesAndKeysAndDates() throws Exception {
    Exposition m = extract(null,
        value("app_uptime_seconds", "$.uptime_seconds", Map.of("env", "{$.environment}"),
            Map.of(), false),
        value("app_last_run_timestamp_seconds", "$.last_run", Map.of(), Map.of(), false),
        value("app_service_up", "$.services.*", Map.of("service", "{@key}",
            "where", "prod-{$.environment}"), Map.of(), false),
        value("app_up", "$.status", Map.of(), Map.of("healthy", 1.0, "degraded", 0.5), false));
    assertThat(failure).isNull();
    assertThat(m.value("app_uptime_seconds", "env", "production")).isEqualTo(86400);
    assertThat(m.value("app_last_run_timestamp_seconds")).isEqualTo(1714564800);
    assertThat(m.value("app_service_up", "service", "database", "where", "prod-production"))
        .isEqualTo(1);
    assertThat(m.value("app_service_up", "service", "redis")).isEqualTo(0.5);
    assertThat(m.value("app_service_up", "service", "queue")).isZero();
    // "on fire" is no number, date or known word: dropped and counted, the rest still served.
    assertThat(m.find("app_service_up", "service", "cache")).isEmpty();
    assertThat(m.value("probe_json_series_dropped", "reason", "unconvertible")).isEqualTo(1);
    assertThat(m.value("app_up")).isEqualTo(1);
    assertThat(m.value("probe_json_missing_paths")).isZero();
  }

  @Test
  void aValueMapIsCaseInsensitiveAndReplacesTheCommonWords() throws Exception {
    Exposition m = extract(null, value("svc", "$.services.*", Map.of("s", "{@key}"),
        Map.of("HEALTHY", 2.0, "on fire", -1.0), false));
    assertThat(m.value("svc", "s", "database")).isEqualTo(2);
    assertThat(m.value("svc", "s", "cache")).isEqualTo(-1);
    assertThat(m.find("svc", "s", "redis")).isEmpty();
    assertThat(m.value("probe_json_series_dropped", "reason", "unconvertible")).isEqualTo(2);
  }

  @Test
  void missingKeysFailTheProbeUnlessAllowed() throws Exception {
    Exposition strict = extract(null, value("a", "$.nope", Map.of(), Map.of(), false),
        value("b", "$.uptime_seconds", Map.of(), Map.of(), false));
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("a");
    assertThat(strict.value("probe_json_missing_paths")).isEqualTo(1);
    assertThat(strict.value("b")).isEqualTo(86400);
    extract(null, value("a", "$.nope", Map.of(), Map.of(), true));
    assertThat(failure).isNull();
  }

  @Test
  void duplicatesAreKeptByTheRuleAndCounted() throws Exception {
    Map<String, LabelTemplate> byName = Map.of("shard", LabelTemplate.parse("{.name}", true));
    JsonMetric object = new JsonMetric("shard", "shard", MetricType.GAUGE, false,
        JsonPath.parse("$.shards", false), byName,
        Map.of("docs", JsonMetric.ValueSource.parse(".docs"),
            "present", JsonMetric.ValueSource.parse("1")), Map.of(), false);
    Exposition first = extract("first", object);
    assertThat(first.value("shard_docs", "shard", "s1")).isEqualTo(10);
    assertThat(first.value("shard_present", "shard", "s2")).isEqualTo(1);
    assertThat(first.value("probe_json_series_dropped", "reason", "duplicate")).isEqualTo(2);
    assertThat(extract("last", object).value("shard_docs", "shard", "s1")).isEqualTo(5);
    assertThat(extract("sum", object).value("shard_docs", "shard", "s1")).isEqualTo(15);
  }

  @Test
  void infoMetricsCarryTheirDataInLabels() throws Exception {
    Map<String, LabelTemplate> labels = new LinkedHashMap<>();
    labels.put("version", LabelTemplate.parse("$.version.app", false));
    labels.put("commit", LabelTemplate.parse("{$.version.commit}", false));
    Exposition m = extract(null, new JsonMetric("app_build_info", "build", MetricType.GAUGE,
        true, JsonPath.parse("$.version", false), labels, null, Map.of(), false));
    assertThat(m.value("app_build_info", "version", "2.3.1", "commit", "abc123")).isEqualTo(1);
  }
}
