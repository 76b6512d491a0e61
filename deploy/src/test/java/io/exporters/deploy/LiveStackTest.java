package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The stack of docker-compose.yml run here (see {@link LiveStack}), a real Prometheus scraping
 * the exporters with the shipped scrape jobs and evaluating the shipped rules: every dashboard
 * query returns data (unless its panel says it needs what this stack lacks), every variable
 * query finds values, and every rule parses and evaluates without error.
 */
class LiveStackTest {
  static LiveStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = LiveStack.get();
  }

  @TestFactory
  Stream<DynamicTest> everyPanelQueryReturnsData() throws Exception {
    return Dashboards.panelQueries().stream().map(q -> DynamicTest.dynamicTest(q.toString(),
        () -> {
          if (q.needsWhatTheTestLacks()) {
            stack.query(q.expr());
          } else {
            assertThat(stack.queryOnceDataCame(q.expr())).as(q + ": " + q.expr()).isNotEmpty();
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyVariableFindsValues() throws Exception {
    return Dashboards.variableQueries().stream().map(q -> DynamicTest.dynamicTest(q.toString(),
        () -> {
          String expr = q.expr();
          JsonNode found;
          if (expr.startsWith("label_values(")) {
            String[] args = expr.substring("label_values(".length(), expr.lastIndexOf(')'))
                .split(",\\s*(?=[a-zA-Z_]+$)");
            found = args.length == 2
                ? stack.api("/api/v1/series?match[]="
                    + URLEncoder.encode(args[0], StandardCharsets.UTF_8))
                : stack.api("/api/v1/label/" + args[0].trim() + "/values");
          } else {
            found = stack.queryOnceDataCame(
                expr.replaceAll("^query_result\\((.*)\\)$", "$1"));
          }
          assertThat(found).as(q + ": " + expr).isNotEmpty();
        }));
  }

  @Test
  void everyRuleEvaluatesWithoutError() throws Exception {
    List<String> failing = new ArrayList<>();
    int rules = 0;
    for (JsonNode group : stack.api("/api/v1/rules").get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        rules++;
        if (!rule.path("health").asText().equals("ok")) {
          failing.add(rule.get("name").asText() + ": " + rule.path("health").asText() + " "
              + rule.path("lastError").asText());
        }
      }
    }
    assertThat(rules).as("rules loaded from deploy/prometheus/rules")
        .isEqualTo(Rules.all().size());
    assertThat(failing).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyRuleExpressionParsesAsAQuery() throws Exception {
    return Rules.all().stream().map(rule -> DynamicTest.dynamicTest(
        rule.has("alert") ? rule.get("alert").asText() : rule.get("record").asText(),
        () -> stack.query(rule.get("expr").asText())));
  }

  /** The demo service reports a degraded component, as the README's quick start says. */
  @Test
  void theDemosDegradedComponentRaisesItsAlert() throws Exception {
    List<String> seen = new ArrayList<>();
    for (JsonNode alert : stack.api("/api/v1/alerts").get("alerts")) {
      seen.add(alert.at("/labels/alertname").asText() + " " + alert.at("/labels/component")
          .asText() + " " + alert.get("state").asText());
    }
    assertThat(seen).contains("HealthComponentDegraded redis pending");
    assertThat(stack.api("/api/v1/alertmanagers").get("activeAlertmanagers"))
        .as("Prometheus sends its alerts to the stack's Alertmanager").hasSize(1);
  }

  @Test
  void recordingRulesProduceSeries() throws Exception {
    List<String> empty = new ArrayList<>();
    for (JsonNode rule : Rules.all()) {
      if (rule.has("record") && stack.query(rule.get("record").asText()).isEmpty()) {
        empty.add(rule.get("record").asText());
      }
    }
    assertThat(empty).as("recording rules without a series after the first evaluations")
        .isEmpty();
  }
}
