package io.exporters.scraper.json;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static io.exporters.scraper.support.TestHttpServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON modules end to end: the shipped example (uncommented) and json_exporter's own config
 * shapes against a status API, bodies that are not JSON, and a probe that is never a failed
 * scrape whatever the body holds.
 */
class JsonModuleTest {
  static final String STATUS = "{\"environment\":\"production\",\"uptime_seconds\":86400,"
      + "\"events_processed\":10000,\"last_run\":\"2024-05-01T12:00:00Z\","
      + "\"services\":{\"database\":\"healthy\",\"redis\":\"degraded\"},\"version\":\"2.3.1\"}";
  static final String JSON_EXPORTER = """
      {"counter": 1234, "timestamp": 1657568506,
       "values": [{"id": "id-A", "count": 1, "some_boolean": true, "state": "ACTIVE"},
                  {"id": "id-B", "count": 2, "some_boolean": true, "state": "INACTIVE"},
                  {"id": "id-C", "count": 3, "some_boolean": false, "state": "ACTIVE"}],
       "location": "mars"}
      """;

  private static TestHttpServer server;

  @BeforeAll
  static void serve() throws Exception {
    server = TestHttpServer.http()
        .route("/status", json(200, STATUS))
        .route("/data", json(200, JSON_EXPORTER))
        .route("/html", answer(200, "<html>maintenance</html>", "Content-Type", "text/html"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The commented JSON example of the shipped scraper.yml, uncommented. */
  static String shippedWithJson() throws Exception {
    StringBuilder out = new StringBuilder();
    boolean inExample = false;
    for (String line : Files.readAllLines(Path.of("scraper.yml"))) {
      if (line.startsWith("# JSON extraction")) {
        inExample = true;
        continue;
      }
      if (inExample && line.startsWith("#  ")) {
        out.append(line.substring(1)).append('\n');
        continue;
      }
      inExample = false;
      out.append(line).append('\n');
    }
    return out.toString();
  }

  @Test
  void theShippedExampleReadsAStatusApi(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, shippedWithJson())) {
      Exposition m = e.get(Scraper.probe(server.url("/status"), "status_json")).exposition();
      assertThat(m.value("probe_success")).isEqualTo(1);
      assertThat(m.value("app_uptime_seconds", "environment", "production")).isEqualTo(86400);
      assertThat(m.familyOrFail("app_events_processed_total").type()).isEqualTo("counter");
      assertThat(m.value("app_events_processed_total")).isEqualTo(10000);
      assertThat(m.value("app_last_run_timestamp_seconds")).isEqualTo(1714564800);
      assertThat(m.value("app_service_up", "service", "redis")).isEqualTo(0.5);
      assertThat(m.value("app_build_info", "version", "2.3.1")).isEqualTo(1);
      assertThat(m.value("probe_json_series_dropped", "reason", "duplicate")).isZero();
      assertThat(m.value("probe_http_status_code")).isEqualTo(200);

      Exposition html = e.get(Scraper.probe(server.url("/html"), "status_json")).exposition();
      assertThat(html.value("probe_success")).isZero();
      assertThat(html.value("probe_failure_info", "reason", "json")).isEqualTo(1);
      assertThat(html.value("probe_http_status_code")).isEqualTo(200);
    }
  }

  @Test
  void jsonExportersOwnConfigurationShapes(@TempDir Path dir) throws Exception {
    String yaml = """
        modules:
          default:
            prober: http
            json:
              metrics:
                - name: example_global_value
                  path: '{ .counter }'
                  help: Example of a top-level global value scrape in the json
                  labels:
                    environment: beta
                    location: 'planet-{.location}'
                - name: example_value
                  type: object
                  help: Example of sub-level value scrapes from a json
                  path: '{.values[?(@.state == "ACTIVE")]}'
                  labels:
                    environment: beta
                    id: '{.id}'
                  values:
                    active: 1
                    count: '{.count}'
                    boolean: '{.some_boolean}'
        """;
    try (InProcessExporter e = Scraper.start(dir, yaml)) {
      Exposition m = e.get(Scraper.probe(server.url("/data"), "default")).exposition();
      assertThat(m.value("example_global_value", "environment", "beta", "location",
          "planet-mars")).isEqualTo(1234);
      assertThat(m.familyOrFail("example_global_value").help())
          .isEqualTo("Example of a top-level global value scrape in the json");
      assertThat(m.value("example_value_active", "id", "id-A")).isEqualTo(1);
      assertThat(m.value("example_value_count", "id", "id-C")).isEqualTo(3);
      assertThat(m.value("example_value_boolean", "id", "id-C")).isZero();
      assertThat(m.find("example_value_count", "id", "id-B")).isEmpty();
    }
  }
}
