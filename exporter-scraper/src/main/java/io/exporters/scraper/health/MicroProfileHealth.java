package io.exporters.scraper.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MicroProfile Health: {@code {status, checks: [{name, status, data}]}} (2.x, 3.x) and the 1.0
 * wire format {@code {outcome, checks: [{name, state, data}]}}. Numeric and boolean {@code data}
 * values become details.
 */
final class MicroProfileHealth {
  private MicroProfileHealth() {}

  static boolean matches(JsonNode root) {
    if (root.path("outcome").isTextual()) {
      return true;
    }
    JsonNode checks = root.path("checks");
    if (!root.path("status").isTextual() || !checks.isArray()) {
      return false;
    }
    for (JsonNode c : checks) {
      if (!c.path("name").isTextual()) {
        return false;
      }
    }
    return true;
  }

  static HealthReport parse(JsonNode root) {
    String overall = root.path("status").isTextual() ? root.get("status").asText()
        : root.path("outcome").asText("");
    List<HealthComponent> out = new ArrayList<>();
    for (JsonNode check : root.path("checks")) {
      String state = check.path("status").isTextual() ? check.get("status").asText()
          : check.path("state").asText("");
      JsonNode data = check.path("data");
      out.add(new HealthComponent(check.path("name").asText(""), state,
          data.isObject() ? Details.numbers(data) : Map.of(), null, null));
    }
    return new HealthReport(HealthFormat.MICROPROFILE, overall, out);
  }
}
