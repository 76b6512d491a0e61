package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeCloudflare;
import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter as users run it (its own JVM, the shipped flags, the real clock, its own poller
 * thread): it polls by itself, reports the API going away and coming back without a restart,
 * keeps serving /metrics all along, and never logs its token.
 */
class ProcessTest {
  private static final String TOKEN = "process-test-token-fedcba9876543210";

  @Test
  void pollsOnItsOwnSurvivesTheApiGoingAwayAndNeverLogsTheToken(@TempDir Path dir)
      throws Exception {
    FakeAccounts accounts = new FakeAccounts(1, 20, 5, TOKEN);
    FakeCloudflare fake = new FakeCloudflare(accounts);
    int port = Integer.parseInt(fake.baseUrl().replaceAll(".*:(\\d+)/.*", "$1"));
    Path log = dir.resolve("exporter.log");
    try (ExporterProcess p = ExporterProcess.start(CloudflareExporter.class,
        ExporterProcess.shippedJvmFlags(), List.of("--log.level=debug"), Map.of(
            "CF_API_TOKEN", TOKEN, "CF_API_BASE_URL", fake.baseUrl(), "SCRAPE_INTERVAL", "1s",
            "CF_TIMEOUT", "2s"), log)) {
      Exposition m = waitFor(p, e -> e.find("cloudflare_up").orElse(0) == 1
          && e.samples("cloudflare_zone_requests_total").size() == 20);
      assertThat(m.value("cloudflare_exporter_up")).isEqualTo(1);

      fake.close();
      m = waitFor(p, e -> e.find("cloudflare_up").orElse(1) == 0);
      assertThat(m.samples("cloudflare_zone_requests_total")).as("counters stay served")
          .hasSize(20);

      fake = new FakeCloudflare(accounts, port);
      waitFor(p, e -> e.find("cloudflare_up").orElse(0) == 1);
      assertThat(p.log()).contains("listening").doesNotContain(TOKEN);
    } finally {
      fake.close();
    }
  }

  private static Exposition waitFor(ExporterProcess p, Predicate<Exposition> done)
      throws Exception {
    long until = System.nanoTime() + 60_000_000_000L;
    Exposition last = null;
    while (System.nanoTime() < until) {
      InProcessExporter.Response r = p.get("/metrics");
      assertThat(r.status()).isEqualTo(200);
      last = Exposition.parseText(new String(r.body()));
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not reached in 60 s; last scrape: " + last.names() + "\n"
        + p.log());
  }
}
