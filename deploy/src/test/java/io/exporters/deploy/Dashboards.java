package io.exporters.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The dashboards of deploy/grafana/dashboards: their panels' queries and their variables. */
final class Dashboards {
  private Dashboards() {}

  /** One panel query, with what Grafana would send once the variables are filled in. */
  record Query(String dashboard, String panel, String description, String expr) {
    boolean needsWhatTheTestLacks() {
      return description.contains("needs:");
    }

    @Override
    public String toString() {
      return dashboard + " / " + panel;
    }
  }

  static List<Path> files() throws Exception {
    try (Stream<Path> files = Files.list(Repo.file("deploy/grafana/dashboards"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  static List<Query> panelQueries() throws Exception {
    List<Query> out = new ArrayList<>();
    for (Path f : files()) {
      JsonNode d = new ObjectMapper().readTree(f.toFile());
      Map<String, String> values = variableValues(d);
      List<JsonNode> panels = new ArrayList<>();
      collectPanels(d.get("panels"), panels);
      for (JsonNode p : panels) {
        for (JsonNode t : p.path("targets")) {
          out.add(new Query(d.get("title").asText(), p.get("title").asText(),
              p.path("description").asText(), fill(t.get("expr").asText(), values)));
        }
      }
    }
    return out;
  }

  /** The variables' query expressions (label_values(...) and the like), filled in. */
  static List<Query> variableQueries() throws Exception {
    List<Query> out = new ArrayList<>();
    for (Path f : files()) {
      JsonNode d = new ObjectMapper().readTree(f.toFile());
      Map<String, String> values = variableValues(d);
      for (JsonNode v : d.path("templating").path("list")) {
        JsonNode q = v.path("query");
        String text = q.isObject() ? q.path("query").asText() : q.asText();
        if (v.path("type").asText().equals("query") && !text.isEmpty()) {
          out.add(new Query(d.get("title").asText(), "$" + v.get("name").asText(), "",
              fill(text, values)));
        }
      }
    }
    return out;
  }

  static List<JsonNode> allPanels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    collectPanels(dashboard.get("panels"), panels);
    return panels;
  }

  private static void collectPanels(JsonNode panels, List<JsonNode> out) {
    for (JsonNode p : panels) {
      out.add(p);
      if (p.has("panels")) {
        collectPanels(p.get("panels"), out);
      }
    }
  }

  /** What each variable holds when the dashboard opens: its default, or everything. */
  private static Map<String, String> variableValues(JsonNode dashboard) {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode v : dashboard.path("templating").path("list")) {
      String current = v.path("current").path("value").asText("");
      boolean all = current.isEmpty() || current.equals("$__all");
      values.put(v.get("name").asText(), all ? v.path("allValue").asText(".+") : current);
    }
    // Grafana's own, at what a one-hour view of this stack's 2 s scrapes would give.
    values.put("__rate_interval", "1m");
    values.put("__interval", "10s");
    values.put("__range", "1h");
    return values;
  }

  private static String fill(String expr, Map<String, String> values) {
    String out = expr;
    // Longest names first, so $instance is not taken for a prefix of $instances.
    List<String> names = new ArrayList<>(values.keySet());
    names.sort((a, b) -> b.length() - a.length());
    for (String name : names) {
      out = out.replace("${" + name + "}", values.get(name)).replace("$" + name, values.get(name));
    }
    return out;
  }
}
