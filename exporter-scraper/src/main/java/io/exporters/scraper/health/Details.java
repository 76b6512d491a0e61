package io.exporters.scraper.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The numeric and boolean values of a flat map of details (strings and objects left out). */
final class Details {
  private static final int MAX = 50;

  private Details() {}

  static Map<String, Double> numbers(JsonNode map) {
    Map<String, Double> out = new LinkedHashMap<>();
    map.properties().forEach(e -> {
      JsonNode v = e.getValue();
      if (out.size() >= MAX) {
        return;
      }
      if (v.isNumber()) {
        out.put(e.getKey(), v.asDouble());
      } else if (v.isBoolean()) {
        out.put(e.getKey(), v.asBoolean() ? 1.0 : 0.0);
      }
    });
    return out;
  }
}
