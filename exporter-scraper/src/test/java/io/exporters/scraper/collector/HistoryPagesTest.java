package io.exporters.scraper.collector;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe history: recent probes listed newest first, a failure kept after successes push it
 * out of the recent list, one probe's log and series by id or by target, bad requests refused.
 */
class HistoryPagesTest {
  @Test
  void recentProbesAndTheirLogs(@TempDir Path dir) throws Exception {
    try (TestHttpServer server = TestHttpServer.http().route("/ok", answer(200, "ok\n"))
        .route("/broken", answer(500, "oops\n"));
        InProcessExporter e = Scraper.start(dir, "probes: {history_limit: 3}\n")) {
      e.get(Scraper.probe(server.url("/broken"), null));
      for (int i = 0; i < 5; i++) {
        e.get(Scraper.probe(server.url("/ok?i=" + i), null));
      }
      String page = e.get("/history").text();
      assertThat(page).contains("Recent probes", server.url("/ok?i=4"), server.url("/ok?i=2"),
          server.url("/broken"), "Failure", "status")
          .doesNotContain(server.url("/ok?i=1") + "<");
      assertThat(page.indexOf("i=4")).isLessThan(page.indexOf("i=3"));

      String log = e.get("/logs?id=0").text();
      assertThat(log).startsWith("Logs for the probe:\n").contains(
          "msg=\"Beginning probe\"", "msg=\"Invalid HTTP response status code, wanted 2xx\"",
          "msg=\"Probe failed\"", "Module configuration:", "prober: http",
          "Metrics that would have been returned:", "probe_http_status_code 500",
          "probe_failure_info{reason=\"status\"} 1");
      String byTarget = e.get("/logs?target=" + java.net.URLEncoder.encode(
          server.url("/ok?i=4"), java.nio.charset.StandardCharsets.UTF_8) + "&module=http_2xx")
          .text();
      assertThat(byTarget).contains("probe_success 1");
      assertThat(e.get("/logs?id=1").status()).isEqualTo(404);
      assertThat(e.get("/logs?id=x").status()).isEqualTo(400);
      assertThat(e.get("/logs?id=0&target=y").status()).isEqualTo(400);
      assertThat(e.get("/config").text()).contains("http_2xx:", "tcp_connect:", "health:");
    }
  }

  @Test
  void targetsAreEscapedOnThePage(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "")) {
      assertThat(e.get(Scraper.probe("http://127.0.0.1:1/<script>alert(1)</script>", null))
          .status()).isEqualTo(400);
      e.get(Scraper.probe("http://127.0.0.1:1/?a=1&b='x'", null));
      String page = e.get("/history").text();
      assertThat(page).doesNotContain("<script>alert", "b='x'").contains("&amp;b=&#39;x&#39;");
    }
  }
}
