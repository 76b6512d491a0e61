package io.exporters.scraper.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IETF draft's application/health+json: {@code status} (pass, warn, fail and their aliases)
 * and {@code checks}, a map from {@code component:measurement} to an array of per-node results,
 * each with its status and an optional {@code observedValue} in {@code observedUnit}. A check
 * with several nodes names each {@code key/node} (the node's {@code node} or componentId, else
 * its position).
 */
final class IetfHealth {
  private IetfHealth() {}

  /** A {@code checks} map whose values are arrays (the content type alone also decides). */
  static boolean matches(JsonNode root) {
    JsonNode checks = root.path("checks");
    if (!root.path("status").isTextual() || !checks.isObject() || checks.isEmpty()) {
      return false;
    }
    for (JsonNode v : checks) {
      if (!v.isArray()) {
        return false;
      }
    }
    return true;
  }

  static HealthReport parse(JsonNode root) {
    List<HealthComponent> out = new ArrayList<>();
    JsonNode checks = root.path("checks");
    if (checks.isObject()) {
      checks.properties().forEach(e -> {
        JsonNode entries = e.getValue().isArray() ? e.getValue() : null;
        if (entries == null) {
          if (e.getValue().isObject()) {
            out.add(component(e.getKey(), e.getValue()));
          }
          return;
        }
        for (int i = 0; i < entries.size(); i++) {
          JsonNode entry = entries.get(i);
          String name = entries.size() == 1 ? e.getKey() : e.getKey() + "/" + node(entry, i);
          out.add(component(name, entry));
        }
      });
    }
    return new HealthReport(HealthFormat.IETF, root.path("status").asText(""), out);
  }

  private static HealthComponent component(String name, JsonNode entry) {
    JsonNode observed = entry.path("observedValue");
    Double value = observed.isNumber() ? observed.asDouble()
        : observed.isBoolean() ? (observed.asBoolean() ? 1.0 : 0.0) : null;
    String unit = entry.path("observedUnit").asText("");
    return new HealthComponent(name, entry.path("status").asText(""), Map.of(), value, unit);
  }

  private static String node(JsonNode entry, int index) {
    if (entry.has("node")) {
      return entry.get("node").asText();
    }
    if (entry.path("componentId").isTextual()) {
      return entry.get("componentId").asText();
    }
    return Integer.toString(index);
  }
}
