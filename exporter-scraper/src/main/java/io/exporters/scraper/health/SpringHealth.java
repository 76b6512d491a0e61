package io.exporters.scraper.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot Actuator's health answer: {@code status} and {@code components}, nested for
 * composite contributors (components named by path, {@code broker/us1}); Boot 2.0/2.1 put
 * components under {@code details}, 1.x beside {@code status}. Numeric and boolean
 * {@code details} become details.
 */
final class SpringHealth {
  private SpringHealth() {}

  static boolean matches(JsonNode root) {
    if (!root.isObject() || !root.path("status").isTextual()) {
      return false;
    }
    if (root.path("components").isObject()) {
      return true;
    }
    return Vocabulary.states(HealthFormat.SPRING).contains(root.path("status").asText())
        && !children(root).isEmpty();
  }

  static HealthReport parse(JsonNode root) {
    List<HealthComponent> out = new ArrayList<>();
    walk(root, "", out);
    return new HealthReport(HealthFormat.SPRING, root.path("status").asText(""), out);
  }

  private static void walk(JsonNode node, String prefix, List<HealthComponent> out) {
    for (Map.Entry<String, JsonNode> child : children(node).entrySet()) {
      String name = prefix + child.getKey();
      JsonNode c = child.getValue();
      out.add(new HealthComponent(name, c.path("status").asText(""), details(c), null, null));
      walk(c, name + "/", out);
    }
  }

  /** Components of a node: {@code components}, or 2.0's details / 1.x's siblings with a status. */
  private static Map<String, JsonNode> children(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode components = node.path("components");
    if (components.isObject()) {
      components.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
    JsonNode details = node.path("details");
    if (details.isObject() && allHaveStatus(details)) {
      details.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
    node.properties().forEach(e -> {
      if (!e.getKey().equals("status") && !e.getKey().equals("details")
          && e.getValue().isObject() && e.getValue().path("status").isTextual()) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  private static boolean allHaveStatus(JsonNode details) {
    if (details.isEmpty()) {
      return false;
    }
    for (JsonNode v : details) {
      if (!v.isObject() || !v.path("status").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Double> details(JsonNode component) {
    JsonNode details = component.path("details");
    if (!details.isObject() || allHaveStatus(details)) {
      return Map.of();
    }
    return Details.numbers(details);
  }
}
