package io.exporters.scraper.collector;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One probe as the runner makes it: retries that are reported (attempts), and debug=true in
 * blackbox's layout (the probe's log, the metrics it would have returned, its module).
 */
class ProbeRunnerTest {
  @Test
  void retriesAreMadeAndReported(@TempDir Path dir) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (TestHttpServer server = TestHttpServer.http().route("/flaky", x -> {
      int n = calls.incrementAndGet();
      answer(n % 3 == 1 ? 503 : 200, "try again\n").handle(x);
    }).route("/down", answer(503, "down\n"));
        InProcessExporter e = Scraper.start(dir,
            "modules: {patient: {prober: http, retries: 2}}\n")) {
      Exposition flaky = e.get(Scraper.probe(server.url("/flaky"), "patient")).exposition();
      assertThat(flaky.value("probe_success")).isEqualTo(1);
      assertThat(flaky.value("probe_attempts")).isEqualTo(2);
      Exposition down = e.get(Scraper.probe(server.url("/down"), "patient")).exposition();
      assertThat(down.value("probe_success")).isZero();
      assertThat(down.value("probe_attempts")).isEqualTo(3);
      assertThat(down.value("probe_failure_info", "reason", "status")).isEqualTo(1);
      Exposition once = e.get(Scraper.probe(server.url("/down"), "http_2xx")).exposition();
      assertThat(once.family("probe_attempts")).isEmpty();
    }
  }

  @Test
  void debugShowsTheLogTheMetricsAndTheModule(@TempDir Path dir) throws Exception {
    try (TestHttpServer server = TestHttpServer.http().route("/", answer(200, "{\"status\":"
        + "\"DOWN\"}", "Content-Type", "application/json"));
        InProcessExporter e = Scraper.start(dir, "")) {
      InProcessExporter.Response r = e.get(Scraper.probe(server.url("/"), "health",
          "debug", "true"));
      assertThat(r.contentType()).startsWith("text/plain");
      String text = r.text();
      assertThat(text).startsWith("Logs for the probe:\n").contains(
          "msg=\"Beginning probe\" probe=http timeout_seconds=",
          "msg=\"Resolving target address\" target=127.0.0.1 ip_protocol=ip6",
          "msg=\"Making HTTP request\"", "msg=\"Received HTTP response\" status_code=200",
          "msg=\"Health answer read\" format=adhoc status=DOWN",
          "msg=\"Probe failed\" reason=health", "Module configuration:", "format: auto",
          "Metrics that would have been returned:", "probe_success 0",
          "health_overall_status{state=\"unhealthy\"} 1");
      assertThat(text.indexOf("Module configuration:"))
          .isLessThan(text.indexOf("Metrics that would have been returned:"));
    }
  }
}
