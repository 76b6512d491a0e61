package io.exporters.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.exporters.common.testing.Exposition;
import io.exporters.common.testing.InProcessExporter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A probe past its deadline still reports failure; credentials in target URLs stay hidden. */
class ProbeFailuresAndSecretsTest {
  @Test
  void aProbeThatMissesItsDeadlineReportsProbeSuccessZeroAndItsDuration() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/slow", x -> {
      try {
        Thread.sleep(5000);
      } catch (InterruptedException ignored) {
        // the test is over
      }
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    String slow = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
    try (InProcessExporter e = InProcessExporter.start(new ScraperExporter(), List.of(),
        Map.of("SCRAPER_TARGETS", slow))) {
      InProcessExporter.Response r = e.get("/probe?target=" + slow,
          "X-Prometheus-Scrape-Timeout-Seconds", "1");
      assertThat(r.status()).isEqualTo(200);
      Exposition m = r.exposition();
      assertThat(m.value("probe_success")).isZero();
      assertThat(m.value("probe_duration_seconds")).isBetween(0.3, 1.0);

      Exposition all = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "1")
          .exposition();
      assertThat(all.value("probe_success", "target", slow)).isZero();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void credentialsInConfiguredTargetsShowNeitherInLabelsNorOnTheLandingPage() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", x -> {
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    server.start();
    String port = Integer.toString(server.getAddress().getPort());
    String withCredentials = "http://probe-user-7q:pr0be-pass@127.0.0.1:" + port + "/ok";
    try (InProcessExporter e = InProcessExporter.start(new ScraperExporter(), List.of(),
        Map.of("SCRAPER_TARGETS", withCredentials))) {
      String metrics = e.get("/metrics").text();
      assertThat(metrics).doesNotContain("pr0be-pass", "probe-user-7q")
          .contains("target=\"http://127.0.0.1:" + port + "/ok\"");
      assertThat(e.get("/").text()).doesNotContain("pr0be-pass");
    } finally {
      server.stop(0);
    }
  }
}
