package io.exporters.scraper.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.exporters.scraper.ScraperExporter;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.SilentServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * One slow target must not cost another its probe: 16 static targets that never answer, listed
 * before 200 healthy ones, leave the healthy ones succeeding in the same scrape.
 */
class SlowStaticTargetsTest {
  @Test
  void hangingTargetsListedFirstDoNotTimeOutTheHealthyOnes() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/ok", x -> {
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    server.start();
    try (SilentServer.Running silent = SilentServer.start()) {
      List<String> targets = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        targets.add("http://127.0.0.1:" + silent.port() + "/hang" + i);
      }
      for (int i = 0; i < 200; i++) {
        targets.add("http://127.0.0.1:" + server.getAddress().getPort() + "/ok?n=" + i);
      }
      try (InProcessExporter e = InProcessExporter.start(new ScraperExporter(), List.of(),
          Map.of("SCRAPER_TARGETS", String.join(",", targets)))) {
        InProcessExporter.Response r = e.get("/metrics",
            "X-Prometheus-Scrape-Timeout-Seconds", "5");
        assertThat(r.status()).isEqualTo(200);
        Exposition m = r.exposition();
        int up = 0;
        int down = 0;
        for (Exposition.Sample s : m.samples("probe_success")) {
          if (s.labels().get("target").contains("/hang")) {
            assertThat(s.value()).isZero();
            down++;
          } else if (s.value() == 1) {
            up++;
          }
        }
        assertThat(down).isEqualTo(16);
        assertThat(up).as("healthy targets that succeeded").isEqualTo(200);
      }
    } finally {
      server.stop(0);
    }
  }
}
