package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every alert says how bad it is, what happened and where its runbook is, and the runbook exists
 * with what an on-call person needs; Alertmanager's config loads (amtool) and routes each
 * severity to its receiver.
 */
class AlertsTest {
  @TempDir Path dir;

  @Test
  void everyAlertHasSeveritySummaryDescriptionAndARunbookThatExists() throws Exception {
    for (JsonNode rule : Rules.all()) {
      if (!rule.has("alert")) {
        continue;
      }
      String name = rule.get("alert").asText();
      assertThat(rule.at("/labels/severity").asText()).as(name)
          .isIn("critical", "warning", "ticket");
      assertThat(rule.at("/annotations/summary").asText()).as(name).isNotBlank();
      assertThat(rule.at("/annotations/description").asText()).as(name).isNotBlank();
      String url = rule.at("/annotations/runbook_url").asText();
      assertThat(url).as(name).endsWith("/docs/runbooks/" + name + ".md");
      Path runbook = Repo.file("docs/runbooks/" + name + ".md");
      assertThat(runbook).as(name).exists();
      assertThat(Files.readString(runbook)).as(runbook.toString())
          .startsWith("# " + name + "\n")
          .contains("## What it means", "## How to check", "## How to fix");
    }
  }

  @Test
  void alertmanagerLoadsItsConfigAndRoutesEachSeverity() throws Exception {
    Path amtool = Tools.require("amtool");
    String config = Files.readString(Repo.file("deploy/alertmanager/alertmanager.yml"));
    for (String line : Files.readAllLines(Repo.file(".env.example"))) {
      if (line.startsWith("ALERT_")) {
        String[] kv = line.split("=", 2);
        config = config.replace("${" + kv[0] + "}", kv[1]);
      }
    }
    assertThat(config).doesNotContain("${");
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), config);
    Tools.Result check = Tools.run(dir, amtool.toString(), "check-config", file.toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
    for (List<String> route : List.of(List.of("critical", "pager"), List.of("warning", "chat"),
        List.of("ticket", "ticket"), List.of("info", "chat"))) {
      Tools.Result r = Tools.run(dir, amtool.toString(), "config", "routes", "test",
          "--config.file=" + file, "severity=" + route.get(0), "alertname=X");
      // amtool also warns on stderr that the file overrides its default URL.
      String[] lines = r.output().trim().split("\n");
      assertThat(lines[lines.length - 1].trim()).as(route.get(0)).isEqualTo(route.get(1));
    }
    // Every alert's severity has a route.
    for (JsonNode rule : Rules.all()) {
      if (rule.has("alert")) {
        assertThat(Set.of("critical", "warning", "ticket"))
            .contains(rule.at("/labels/severity").asText());
      }
    }
  }
}
