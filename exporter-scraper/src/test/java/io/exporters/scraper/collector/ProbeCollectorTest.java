package io.exporters.scraper.collector;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static io.exporters.scraper.support.TestHttpServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static targets on /metrics: each with its module, labelled module and target, probed a few at
 * a time, a slow one costing only its own series; SCRAPER_TARGETS; and /probe's answer holding
 * blackbox's families only, the scrape's own staying on /metrics.
 */
class ProbeCollectorTest {
  private static TestHttpServer server;
  private static final AtomicInteger inFlight = new AtomicInteger();
  private static final AtomicInteger mostInFlight = new AtomicInteger();

  @BeforeAll
  static void serve() throws Exception {
    server = TestHttpServer.http()
        .route("/ok", answer(200, "ok\n"))
        .route("/missing", answer(404, "no\n"))
        .route("/health", json(200, "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":"
            + "\"UP\"}}}"))
        .route("/slow", TestHttpServer.slow(5000))
        .route("/counted", x -> {
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(150);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          answer(200, "ok\n").handle(x);
        });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void staticTargetsAreProbedWithTheirModulesAndLabelled(@TempDir Path dir) throws Exception {
    String yaml = """
        targets:
          - %s
          - {target: "%s", module: health}
          - {target: "%s"}
          - {target: "127.0.0.1:%d", module: tcp_connect}
          - {target: "%s", module: http_2xx}
        """.formatted(server.url("/ok"), server.url("/health"), server.url("/missing"),
        server.port(), server.url("/slow"));
    try (InProcessExporter e = Scraper.start(dir, yaml)) {
      Exposition m = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "2").exposition();
      assertThat(m.value("probe_success", "module", "http_2xx", "target", server.url("/ok")))
          .isEqualTo(1);
      assertThat(m.value("probe_success", "module", "health", "target", server.url("/health")))
          .isEqualTo(1);
      assertThat(m.value("health_up", "component", "db", "target", server.url("/health")))
          .isEqualTo(1);
      assertThat(m.value("probe_http_status_code", "target", server.url("/missing")))
          .isEqualTo(404);
      assertThat(m.value("probe_success", "module", "tcp_connect")).isEqualTo(1);
      assertThat(m.value("probe_success", "target", server.url("/slow"))).isZero();
      assertThat(m.value("probe_failure_info", "target", server.url("/slow"), "reason",
          "timeout")).isEqualTo(1);
      assertThat(m.value("probe_up")).isEqualTo(1);
      assertThat(m.value("probe_scrape_collector_success", "collector", "probe")).isEqualTo(1);
      assertThat(m.samples("probe_success")).hasSize(5);
      assertThat(m.names()).contains("blackbox_exporter_build_info",
          "blackbox_exporter_config_last_reload_successful");
    }
  }

  @Test
  void atMostConcurrencyTargetsAreProbedAtOnce(@TempDir Path dir) throws Exception {
    StringBuilder yaml = new StringBuilder("probes: {concurrency: 3}\ntargets:\n");
    for (int i = 0; i < 12; i++) {
      yaml.append("  - ").append(server.url("/counted?n=" + i)).append('\n');
    }
    mostInFlight.set(0);
    try (InProcessExporter e = Scraper.start(dir, yaml.toString())) {
      Exposition m = e.scrape();
      assertThat(m.samples("probe_success")).hasSize(12)
          .allMatch(s -> s.value() == 1);
      assertThat(mostInFlight.get()).isBetween(2, 3);
    }
  }

  @Test
  void scraperTargetsFromTheEnvironment(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "", Map.of("SCRAPER_TARGETS",
        server.url("/ok") + "," + server.url("/missing")))) {
      Exposition m = e.scrape();
      assertThat(m.value("probe_success", "target", server.url("/ok"), "module", "http_2xx"))
          .isEqualTo(1);
      assertThat(m.value("probe_success", "target", server.url("/missing"))).isZero();
    }
  }

  @Test
  void probeAnswersHoldBlackboxFamiliesOnly(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "")) {
      Exposition probe = e.get(Scraper.probe(server.url("/ok"), null)).exposition();
      assertThat(probe.names()).allMatch(n -> n.startsWith("probe_"))
          .doesNotContain("probe_up", "probe_scrape_collector_success",
              "probe_scrape_collector_duration_seconds");
      assertThat(probe.samples("probe_success").get(0).labels()).isEmpty();
      Exposition metrics = e.scrape();
      assertThat(metrics.names()).doesNotContain("probe_success")
          .contains("blackbox_exporter_build_info");
    }
  }
}
