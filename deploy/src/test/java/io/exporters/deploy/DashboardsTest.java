package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboards load anywhere: valid JSON, unique uids, the data source a template variable of
 * type datasource on every panel and target (so they import by hand into any Grafana), and
 * the provisioning files point at them.
 */
class DashboardsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> dashboards() throws Exception {
    return Files.list(Repo.file("deploy/grafana/dashboards"))
        .filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @Test
  void everyPanelTakesItsDataSourceFromTheVariable() throws Exception {
    Set<String> uids = new HashSet<>();
    try (Stream<Path> files = dashboards()) {
      for (Path f : files.toList()) {
        JsonNode d = JSON.readTree(f.toFile());
        assertThat(uids.add(d.get("uid").asText())).as("uid of " + f + " is unique").isTrue();
        JsonNode ds = d.at("/templating/list/0");
        assertThat(ds.get("name").asText()).isEqualTo("datasource");
        assertThat(ds.get("type").asText()).isEqualTo("datasource");
        assertThat(ds.get("query").asText()).isEqualTo("prometheus");
        assertThat(d.get("panels")).as(f.toString()).isNotEmpty();
        for (JsonNode panel : d.get("panels")) {
          String where = f.getFileName() + " / " + panel.get("title").asText();
          assertThat(panel.at("/datasource/uid").asText()).as(where).isEqualTo("${datasource}");
          assertThat(panel.get("targets")).as(where).isNotEmpty();
          for (JsonNode t : panel.get("targets")) {
            assertThat(t.at("/datasource/uid").asText()).as(where).isEqualTo("${datasource}");
            assertThat(t.get("expr").asText()).as(where).isNotBlank();
          }
        }
      }
    }
    assertThat(uids).contains("exporters-overview", "exporters-postgres", "exporters-redis",
        "exporters-probes", "exporters-cloudflare");
  }

  @Test
  void provisioningPointsAtTheDashboardsAndTheStacksPrometheus() throws Exception {
    String provider = Files.readString(
        Repo.file("deploy/grafana/provisioning/dashboards/exporters.yml"));
    assertThat(provider).contains("path: /var/lib/grafana/dashboards");
    String compose = Files.readString(Repo.file("docker-compose.yml"));
    assertThat(compose).contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards");
    String datasource = Files.readString(
        Repo.file("deploy/grafana/provisioning/datasources/prometheus.yml"));
    assertThat(datasource).contains("url: http://prometheus:9090", "type: prometheus");
  }
}
