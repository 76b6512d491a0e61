package io.exporters.scraper;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe past its deadline still reports failure and how long it tried; credentials (in target
 * URLs, basic_auth, bearer tokens, Authorization headers, password files) show in no label,
 * page, debug output or history.
 */
class ProbeFailuresAndSecretsTest {
  @Test
  void aProbeThatMissesItsDeadlineReportsProbeSuccessZeroAndItsDuration() throws Exception {
    try (TestHttpServer server = TestHttpServer.http()
        .route("/slow", TestHttpServer.slow(5000))) {
      String slow = server.url("/slow");
      try (InProcessExporter e = InProcessExporter.start(new ScraperExporter(), List.of(),
          Map.of("SCRAPER_TARGETS", slow))) {
        InProcessExporter.Response r = e.get("/probe?target=" + slow,
            "X-Prometheus-Scrape-Timeout-Seconds", "1");
        assertThat(r.status()).isEqualTo(200);
        Exposition m = r.exposition();
        assertThat(m.value("probe_success")).isZero();
        assertThat(m.value("probe_duration_seconds")).isBetween(0.3, 1.0);
        assertThat(m.value("probe_failure_info", "reason", "timeout")).isEqualTo(1);

        Exposition all = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "1")
            .exposition();
        assertThat(all.value("probe_success", "target", slow)).isZero();
        assertThat(all.value("probe_duration_seconds", "target", slow)).isBetween(0.3, 1.0);
      }
    }
  }

  @Test
  void credentialsInConfiguredTargetsShowNeitherInLabelsNorOnTheLandingPage() throws Exception {
    try (TestHttpServer server = TestHttpServer.http().route("/ok", answer(200, "ok\n"))) {
      String withCredentials = server.url("/ok").replace("://",
          "://probe-user-7q:pr0be-pass@");
      try (InProcessExporter e = InProcessExporter.start(new ScraperExporter(), List.of(),
          Map.of("SCRAPER_TARGETS", withCredentials))) {
        String metrics = e.get("/metrics").text();
        assertThat(metrics).doesNotContain("pr0be-pass", "probe-user-7q")
            .contains("target=\"" + server.url("/ok") + "\"");
        assertThat(e.get("/").text()).doesNotContain("pr0be-pass", "probe-user-7q")
            .contains("href=\"history\"", "href=\"config\"", "name=\"module\"");
        assertThat(e.get("/history").text()).doesNotContain("pr0be-pass", "probe-user-7q");
      }
    }
  }

  @Test
  void debugOutputAndPagesNeverShowCredentials(@TempDir Path dir) throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("password"), "f1le-passw0rd\n");
    String yaml = """
        modules:
          basic: {prober: http, http: {basic_auth: {username: u, password: inl1ne-passw0rd}}}
          from_file: {prober: http, http: {basic_auth: {username: u, password_file: %s}}}
          bearer: {prober: http, http: {bearer_token: b3arer-t0ken-value}}
          header:
            prober: http
            http: {headers: {Authorization: "Token h3ader-t0ken", X-Api-Key: k3y-in-header}}
        """.formatted(passwordFile);
    try (TestHttpServer server = TestHttpServer.http().route("/", answer(401, "who?\n"));
        InProcessExporter e = Scraper.start(dir, yaml)) {
      StringBuilder everything = new StringBuilder();
      for (String module : List.of("basic", "from_file", "bearer", "header")) {
        String target = server.url("/").replace("://", "://url-us3r:url-passw0rd@");
        everything.append(e.get(Scraper.probe(target, module, "debug", "true")).text());
        everything.append(e.get(Scraper.probe(target, module)).text());
      }
      everything.append(e.get("/").text()).append(e.get("/config").text())
          .append(e.get("/history").text());
      for (int id = 0; id < 8; id++) {
        everything.append(e.get("/logs?id=" + id).text());
      }
      assertThat(everything.toString()).contains("Logs for the probe:", "status_code=401")
          .doesNotContain("inl1ne-passw0rd", "f1le-passw0rd", "b3arer-t0ken-value",
              "h3ader-t0ken", "k3y-in-header", "url-passw0rd", "url-us3r");
    }
  }
}
