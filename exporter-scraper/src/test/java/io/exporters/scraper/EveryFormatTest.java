package io.exporters.scraper;

import com.sun.net.httpserver.HttpServer;
import io.exporters.testkit.EveryFormat;
import io.exporters.testkit.InProcessExporter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /metrics with static targets and /probe (HTTP and health), in every format. */
class EveryFormatTest {
  @Test
  void everyFormatServesTheSameSeries() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", x -> {
      byte[] body = "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}"
          .getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (InProcessExporter e = InProcessExporter.start(new ScraperExporter(), List.of(),
        Map.of("SCRAPER_TARGETS", base + "/health"))) {
      EveryFormat.check(e, "/metrics");
      EveryFormat.check(e, "/probe?target=" + base + "/health");
      EveryFormat.check(e, "/probe?module=health&target=" + base + "/health");
    } finally {
      server.stop(0);
    }
  }
}
