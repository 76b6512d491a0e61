package io.exporters.scraper.json;

import io.exporters.common.metrics.MetricType;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric compiled from a module's {@code json.metrics}: a path selecting values (json
 * _exporter's {@code value} type: one series per match) or objects (its {@code object} type: a
 * series {@code <name>_<key>} per entry of {@code values} per object), labels as templates,
 * and how values are read. An {@code info} metric is 1 with the labels carrying the data.
 */
public record JsonMetric(
    String name,
    String help,
    MetricType type,
    boolean info,
    JsonPath path,
    Map<String, LabelTemplate> labels,
    Map<String, ValueSource> values,
    Map<String, Double> valueMap,
    boolean allowMissing) {

  public JsonMetric {
    labels = new TreeMap<>(labels);
    values = values == null ? null : new TreeMap<>(values);
    // Looked up case-insensitively: "UP", "Up" and "up" are one word.
    Map<String, Double> lower = new java.util.HashMap<>();
    valueMap.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    valueMap = Map.copyOf(lower);
  }

  public boolean objectType() {
    return values != null;
  }

  /** A value of an object metric: a constant or a path relative to the object. */
  public record ValueSource(Double constant, JsonPath path) {
    public static ValueSource parse(String text) {
      try {
        return new ValueSource(Double.parseDouble(text.trim()), null);
      } catch (NumberFormatException notConstant) {
        return new ValueSource(null, JsonPath.parse(text, true));
      }
    }
  }
}
