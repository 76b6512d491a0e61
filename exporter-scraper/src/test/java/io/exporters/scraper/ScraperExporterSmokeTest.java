package io.exporters.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probes a local HTTP server: success on 200, failure on 404 and on a closed port. */
class ScraperExporterSmokeTest {
  @Test
  void probesAndConfiguredTargets() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", x -> {
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    server.createContext("/missing", x -> {
      x.sendResponseHeaders(404, -1);
      x.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (InProcessExporter e = InProcessExporter.start(new ScraperExporter(), List.of(),
        Map.of("SCRAPER_TARGETS", base + "/ok," + base + "/missing"))) {
      Exposition ok = e.get("/probe?target=" + base + "/ok").exposition();
      assertThat(ok.value("probe_success")).isEqualTo(1);
      assertThat(ok.value("probe_http_status_code")).isEqualTo(200);
      Exposition missing = e.get("/probe?target=" + base + "/missing").exposition();
      assertThat(missing.value("probe_success")).isEqualTo(0);
      assertThat(missing.value("probe_http_status_code")).isEqualTo(404);
      assertThat(e.get("/probe?target=ftp://x").status()).isEqualTo(400);

      Exposition all = e.scrape();
      assertThat(all.value("probe_success", "target", base + "/ok")).isEqualTo(1);
      assertThat(all.value("probe_success", "target", base + "/missing")).isEqualTo(0);
    } finally {
      server.stop(0);
    }
  }
}
