package io.exporters.scraper.modules;

import io.exporters.common.metrics.MetricType;
import io.exporters.scraper.config.HealthConfig;
import io.exporters.scraper.config.JsonConfig;
import io.exporters.scraper.config.JsonMetricConfig;
import io.exporters.scraper.health.HealthCheck;
import io.exporters.scraper.health.HealthFormat;
import io.exporters.scraper.json.JsonExtraction;
import io.exporters.scraper.json.JsonMetric;
import io.exporters.scraper.json.JsonPath;
import io.exporters.scraper.json.LabelTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a module's body analysers: {@code health:} and {@code json:} (metric and label names
 * checked, paths and templates parsed, names reserved by the prober refused).
 */
final class AnalyserCompiler {
  private static final String METRIC_NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL_NAME = "[a-zA-Z_][a-zA-Z0-9_]*";
  /** Labels /metrics adds to static targets' series. */
  private static final Set<String> RESERVED_LABELS = Set.of("target", "module");

  private AnalyserCompiler() {}

  static HealthCheck health(HealthConfig c) {
    if (c == null) {
      return null;
    }
    HealthFormat format = KeyError.at("health.format", () -> HealthFormat.parse(c.format()));
    int max = c.maxComponents() == null ? HealthCheck.DEFAULT_MAX_COMPONENTS : c.maxComponents();
    if (max < 1) {
      throw new KeyError("health.max_components", "must be at least 1");
    }
    return new HealthCheck(format, c.failIfUnhealthy() == null || c.failIfUnhealthy(), max);
  }

  static JsonExtraction json(JsonConfig c) {
    if (c == null) {
      return null;
    }
    List<JsonMetric> metrics = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonMetricConfig> given = c.metrics() == null ? List.of() : c.metrics();
    for (int i = 0; i < given.size(); i++) {
      JsonMetric m = metric("json.metrics[" + i + "]", given.get(i));
      List<String> produced = new ArrayList<>();
      if (m.objectType()) {
        m.values().keySet().forEach(k -> produced.add(m.name() + "_" + k));
      } else {
        produced.add(m.name());
      }
      for (String name : produced) {
        if (!names.add(name)) {
          throw new KeyError("json.metrics[" + i + "].name", "metric " + name
              + " is defined twice in this module");
        }
      }
      metrics.add(m);
    }
    int max = c.maxSeries() == null ? JsonExtraction.DEFAULT_MAX_SERIES : c.maxSeries();
    if (max < 1) {
      throw new KeyError("json.max_series", "must be at least 1");
    }
    return new JsonExtraction(metrics,
        KeyError.at("json.on_duplicate", () -> JsonExtraction.OnDuplicate.parse(c.onDuplicate())),
        max);
  }

  private static JsonMetric metric(String key, JsonMetricConfig c) {
    if (c.name() == null || !c.name().matches(METRIC_NAME)) {
      throw new KeyError(key + ".name", "expected a metric name, got '" + c.name() + "'");
    }
    if (c.name().startsWith("probe_") || c.name().startsWith("health_")) {
      throw new KeyError(key + ".name", "names starting probe_ or health_ are the prober's own");
    }
    String type = c.type() == null ? "value" : c.type().toLowerCase(Locale.ROOT);
    if (!type.equals("value") && !type.equals("object")) {
      throw new KeyError(key + ".type", "expected value or object, got '" + c.type() + "'");
    }
    boolean object = type.equals("object");
    if (object != (c.values() != null)) {
      throw new KeyError(key + ".values", object ? "an object metric needs values"
          : "values belong to type: object");
    }
    if (c.path() == null) {
      throw new KeyError(key + ".path", "missing");
    }
    JsonPath path = KeyError.at(key + ".path", () -> JsonPath.parse(c.path(), false));
    String valueType = c.valuetype() == null ? "gauge" : c.valuetype().toLowerCase(Locale.ROOT);
    MetricType metricType;
    switch (valueType) {
      case "gauge":
      case "info":
        metricType = MetricType.GAUGE;
        break;
      case "counter":
        metricType = MetricType.COUNTER;
        break;
      case "untyped":
        metricType = MetricType.UNTYPED;
        break;
      default:
        throw new KeyError(key + ".valuetype", "expected gauge, counter, untyped or info, got '"
            + c.valuetype() + "'");
    }
    Map<String, LabelTemplate> labels = new LinkedHashMap<>();
    if (c.labels() != null) {
      for (Map.Entry<String, String> l : c.labels().entrySet()) {
        String lkey = key + ".labels." + l.getKey();
        if (!l.getKey().matches(LABEL_NAME) || l.getKey().startsWith("__")
            || RESERVED_LABELS.contains(l.getKey())) {
          throw new KeyError(lkey, "'" + l.getKey() + "' cannot be a label name here"
              + (RESERVED_LABELS.contains(l.getKey()) ? " (/metrics adds it)" : ""));
        }
        labels.put(l.getKey(), KeyError.at(lkey, () -> LabelTemplate.parse(l.getValue(), object)));
      }
    }
    Map<String, JsonMetric.ValueSource> values = null;
    if (object) {
      values = new LinkedHashMap<>();
      for (Map.Entry<String, String> v : c.values().entrySet()) {
        if (!v.getKey().matches("[a-zA-Z0-9_:]+")) {
          throw new KeyError(key + ".values." + v.getKey(), "not usable in a metric name");
        }
        values.put(v.getKey(), KeyError.at(key + ".values." + v.getKey(),
            () -> JsonMetric.ValueSource.parse(v.getValue())));
      }
    }
    Map<String, Double> valueMap = c.valueMap() == null ? Map.of() : c.valueMap();
    return new JsonMetric(c.name(), c.help() == null ? c.name() : c.help(), metricType,
        valueType.equals("info"), path, labels, values, valueMap,
        Boolean.TRUE.equals(c.allowMissingKey()));
  }
}
