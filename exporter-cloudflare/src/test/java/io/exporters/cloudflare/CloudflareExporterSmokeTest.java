package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.exporters.common.testing.Exposition;
import io.exporters.common.testing.InProcessExporter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a token only self-metrics; with one, cloudflare_up follows the token check. */
class CloudflareExporterSmokeTest {
  @Test
  void withoutTokenServesOnlySelfMetrics() throws Exception {
    try (InProcessExporter e = InProcessExporter.start(new CloudflareExporter(), List.of(),
        Map.of())) {
      Exposition m = e.scrape();
      assertThat(m.names()).contains("cloudflare_exporter_build_info")
          .doesNotContain("cloudflare_up");
    }
  }

  @Test
  void upFollowsTokenVerificationAgainstAFakeApi() throws Exception {
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/client/v4/user/tokens/verify", exchange -> {
      boolean good = "Bearer good-token".equals(exchange.getRequestHeaders().getFirst(
          "Authorization"));
      byte[] body = (good
          ? "{\"result\":{\"id\":\"x\",\"status\":\"active\"},\"success\":true,\"errors\":[]}"
          : "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\"Invalid API Token\"}]}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(good ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.start();
    String url = "http://127.0.0.1:" + api.getAddress().getPort() + "/client/v4";
    try (InProcessExporter good = InProcessExporter.start(new CloudflareExporter(), List.of(),
            Map.of("CF_API_TOKEN", "good-token", "CF_API_URL", url));
        InProcessExporter bad = InProcessExporter.start(new CloudflareExporter(), List.of(),
            Map.of("CF_API_TOKEN", "bad-token", "CF_API_URL", url))) {
      assertThat(good.scrape().value("cloudflare_up")).isEqualTo(1);
      String badBody = bad.get("/metrics").text();
      assertThat(Exposition.parseText(badBody).value("cloudflare_up")).isEqualTo(0);
      assertThat(badBody).doesNotContain("bad-token");
      assertThat(good.get("/").text()).doesNotContain("good-token");
    } finally {
      api.stop(0);
    }
  }
}
