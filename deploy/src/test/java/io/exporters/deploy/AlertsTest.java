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
    // As shipped: the receivers' URLs are files, which amtool does not need to exist.
    Path file = Repo.file("deploy/alertmanager/alertmanager.yml");
    String config = Files.readString(file);
    assertThat(config).doesNotContain("${").contains("url_file: /run/secrets/alert_pager_url");
    Tools.Result check = Tools.run(dir, amtool.toString(), "check-config", file.toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
    // The commented receivers (PagerDuty, Slack, e-mail) are valid once uncommented.
    String examples = config.replaceAll("(?m)^(\\s*)# ((?:pagerduty|slack|email)_configs:)",
        "$1$2").replaceAll("(?m)^(\\s*)#   ", "$1  ");
    assertThat(examples).contains("routing_key_file", "api_url_file", "auth_password_file")
        .doesNotContain("# pagerduty_configs", "# slack_configs", "# email_configs");
    Path uncommented = Files.writeString(dir.resolve("examples.yml"), examples);
    Tools.Result checkExamples = Tools.run(dir, amtool.toString(), "check-config",
        uncommented.toString());
    assertThat(checkExamples.exitCode()).as(checkExamples.output()).isZero();
    assertThat(checkExamples.output()).contains("3 receivers");
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
