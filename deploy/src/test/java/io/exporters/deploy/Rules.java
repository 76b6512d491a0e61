package io.exporters.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The rules of deploy/prometheus/rules, read as YAML. */
final class Rules {
  private Rules() {}

  /** Every rule (alerting and recording) as its YAML node. */
  static List<JsonNode> all() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Repo.file("deploy/prometheus/rules"))) {
      for (Path f : files.sorted().toList()) {
        for (JsonNode group : new YAMLMapper().readTree(f.toFile()).get("groups")) {
          group.get("rules").forEach(out::add);
        }
      }
    }
    return out;
  }

  static List<String> alertNames() throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode rule : all()) {
      if (rule.has("alert")) {
        out.add(rule.get("alert").asText());
      }
    }
    return out;
  }
}
