package io.exporters.postgres.settings;

import io.exporters.common.metrics.MetricNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** postgres_exporter's --constantLabels value: {@code name=value} pairs separated by commas. */
public final class ConstantLabels {
  private ConstantLabels() {}

  public static Map<String, String> parse(String value) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return Map.of();
    }
    for (String pair : value.split(",")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
      if (eq < 0 || !MetricNames.isValidLabelName(name) || name.startsWith("__")) {
        throw new IllegalArgumentException("expected name=value pairs separated by commas, "
            + "with valid label names, got '" + pair.trim() + "'");
      }
      labels.put(name, pair.substring(eq + 1).trim());
    }
    return Collections.unmodifiableMap(labels);
  }
}
