package io.exporters.scraper.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shapes services make up: a status-like key at the root ({@code status}, {@code state},
 * {@code health}, {@code healthy}, {@code outcome}) and children under {@code services},
 * {@code checks}, {@code components}, {@code entries}, {@code dependencies}, {@code details} or
 * {@code results}, as a map (name to a state word or to an object with its own status) or an
 * array of objects with a name. Numbers beside a child's status become details.
 */
final class AdHocHealth {
  private static final List<String> STATUS_KEYS =
      List.of("status", "state", "health", "healthy", "outcome");
  private static final Set<String> CHILD_KEYS = Set.of("services", "checks", "components",
      "entries", "dependencies", "details", "results");
  private static final List<String> NAME_KEYS = List.of("name", "id", "component", "service");
  private static final int MAX_DEPTH = 8;

  private AdHocHealth() {}

  static boolean matches(JsonNode root) {
    return root.isObject() && (status(root) != null || !children(root).isEmpty());
  }

  static HealthReport parse(JsonNode root) {
    List<HealthComponent> out = new ArrayList<>();
    walk(root, "", out, 0);
    String overall = status(root);
    return new HealthReport(HealthFormat.ADHOC, overall == null ? "unknown" : overall, out);
  }

  private static void walk(JsonNode node, String prefix, List<HealthComponent> out, int depth) {
    if (depth >= MAX_DEPTH) {
      return;
    }
    for (Map.Entry<String, JsonNode> child : children(node).entrySet()) {
      String name = prefix + child.getKey();
      JsonNode c = child.getValue();
      if (c.isValueNode()) {
        out.add(HealthComponent.of(name, c.asText()));
        continue;
      }
      String state = status(c);
      Map<String, Double> details = new LinkedHashMap<>(Details.numbers(c));
      STATUS_KEYS.forEach(details::remove);
      out.add(new HealthComponent(name, state == null ? "unknown" : state, details, null, null));
      walk(c, name + "/", out, depth + 1);
    }
  }

  /** The node's own state word (a boolean {@code healthy: true} reads as "true"). */
  static String status(JsonNode node) {
    for (String key : STATUS_KEYS) {
      JsonNode v = node.path(key);
      if (v.isTextual() || v.isBoolean()) {
        return v.asText();
      }
    }
    return null;
  }

  private static Map<String, JsonNode> children(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (!CHILD_KEYS.contains(e.getKey())) {
        return;
      }
      JsonNode v = e.getValue();
      if (v.isObject()) {
        v.properties().forEach(c -> {
          if (c.getValue().isObject() || c.getValue().isTextual() || c.getValue().isBoolean()) {
            out.put(c.getKey(), c.getValue());
          }
        });
      } else if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          JsonNode item = v.get(i);
          if (item.isObject()) {
            out.put(name(item, i), item);
          }
        }
      }
    });
    return out;
  }

  private static String name(JsonNode item, int index) {
    for (String key : NAME_KEYS) {
      if (item.path(key).isTextual()) {
        return item.get(key).asText();
      }
    }
    return Integer.toString(index);
  }
}
