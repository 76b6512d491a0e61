package io.exporters.scraper;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static io.exporters.scraper.support.TestHttpServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.scraper.support.TestPki;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.Promtool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promtool check metrics on what the scraper serves: /probe answers (http over TLS, tcp, a health
 * endpoint, JSON extraction) and /metrics with static targets parse and lint clean.
 */
class PromtoolLintTest {
  @Test
  void everyAnswerLintsClean(@TempDir Path dir) throws Exception {
    TestPki.Issued root = TestPki.root("Lint Root", Duration.ofDays(30));
    TestPki.Issued leaf = TestPki.server(root, "CN=localhost", Duration.ofDays(10));
    Path ca = TestPki.pem(dir.resolve("ca.pem"), root.cert());
    try (TestHttpServer http = TestHttpServer.http()
            .route("/health", json(200, "{\"status\":\"UP\",\"components\":{\"db\":{"
                + "\"status\":\"UP\",\"details\":{\"free\":42}}}}"))
            .route("/status", json(200, "{\"uptime_seconds\": 5, \"services\": {\"a\": \"up\"}}"));
        TestHttpServer https = TestHttpServer.https(TestPki.serverContext(leaf))
            .route("/", answer(200, "ok\n"));
        InProcessExporter e = Scraper.start(dir, """
            modules:
              tls: {prober: http, retries: 1, http: {tls_config: {ca_file: %s}}}
              status:
                prober: http
                json:
                  metrics:
                    - {name: app_uptime_seconds, path: $.uptime_seconds}
                    - {name: app_service_up, path: $.services.*, labels: {service: "{@key}"}}
            targets:
              - %s
              - {target: "%s", module: health}
            """.formatted(ca, http.url("/status"), http.url("/health")))) {
      List<String> answers = List.of(
          e.get(Scraper.probe(https.url("/"), "tls")).text(),
          e.get(Scraper.probe("127.0.0.1:" + http.port(), "tcp_connect")).text(),
          e.get(Scraper.probe(http.url("/health"), "health")).text(),
          e.get(Scraper.probe(http.url("/status"), "status")).text(),
          e.get("/metrics").text());
      for (String answer : answers) {
        assertThat(Promtool.lint(answer)).as(answer).isEmpty();
      }
    }
  }
}
