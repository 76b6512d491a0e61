package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/prometheus checked by Prometheus' own tool: the config and every snippet load, the rules
 * load, and every alert fires where its test says and stays quiet where it says (promtool test
 * rules). The snippets hold exactly the jobs of the compose config.
 */
class PrometheusFilesTest {
  static final ObjectMapper YAML = new YAMLMapper();
  @TempDir Path dir;

  @Test
  void theComposeConfigAndItsRulesLoad() throws Exception {
    Path promtool = Tools.require("promtool");
    Path rules = Repo.file("deploy/prometheus/rules");
    String config = Files.readString(Repo.file("deploy/prometheus/prometheus.yml"))
        .replace("/etc/prometheus/rules", rules.toString());
    Path file = Files.writeString(dir.resolve("prometheus.yml"), config);
    Tools.Result r = Tools.run(dir, promtool.toString(), "check", "config", file.toString());
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void eachSnippetIsAWorkingConfigAndTogetherTheyAreTheComposeJobs() throws Exception {
    Path promtool = Tools.require("promtool");
    List<String> snippetJobs = new ArrayList<>();
    try (Stream<Path> files = Files.list(Repo.file("deploy/prometheus/scrape-configs"))) {
      for (Path snippet : files.sorted().toList()) {
        Tools.Result r = Tools.run(dir, promtool.toString(), "check", "config",
            snippet.toString());
        assertThat(r.exitCode()).as(snippet + ": " + r.output()).isZero();
        for (JsonNode job : YAML.readTree(snippet.toFile()).get("scrape_configs")) {
          snippetJobs.add(YAML.writeValueAsString(job));
        }
      }
    }
    List<String> composeJobs = new ArrayList<>();
    for (JsonNode job : YAML.readTree(Repo.file("deploy/prometheus/prometheus.yml").toFile())
        .get("scrape_configs")) {
      composeJobs.add(YAML.writeValueAsString(job));
    }
    assertThat(composeJobs).containsExactlyInAnyOrderElementsOf(snippetJobs);
  }

  @Test
  void everyAlertHasItsUnitTestsAndTheyPass() throws Exception {
    Path promtool = Tools.require("promtool");
    Path tests = Repo.file("deploy/prometheus/tests");
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(tests)) {
      s.sorted().forEach(p -> files.add(p.toString()));
    }
    List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
    command.addAll(files);
    Tools.Result r = Tools.run(tests, command.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.output()).isZero();

    // Each alert is tested firing (an expected alert) and quiet (none, or none for a series
    // that must not fire) somewhere in the tests.
    StringBuilder allTests = new StringBuilder();
    for (String f : files) {
      allTests.append(Files.readString(Path.of(f)));
    }
    for (String alert : Rules.alertNames()) {
      assertThat(allTests.toString()).as("a test for " + alert)
          .contains("alertname: " + alert);
    }
  }
}
