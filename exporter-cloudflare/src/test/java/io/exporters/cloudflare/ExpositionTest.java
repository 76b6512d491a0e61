package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.Golden;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What /metrics serves, whole: every data family with its HELP and type compared with a
 * golden file, linted by promtool; the families the Workers-API alerts read are there; the
 * landing page and /status say how late the data is; a reload applies from the next poll.
 */
class ExpositionTest {
  /** Families whose values change with time or the machine stay out of the golden file. */
  private static final List<String> DATA = List.of("cloudflare_zone_", "cloudflare_worker_",
      "cloudflare_r2_", "cloudflare_pool_", "cloudflare_tunnel_", "cloudflare_logpush_");

  @Test
  void dataFamiliesMatchTheGoldenFileAndPassPromtool() throws Exception {
    try (Harness h = Harness.start(2, 2, "--enable_edge_errors_by_path")) {
      h.poll();
      h.pollAfter(1);
      String text = h.app.get("/metrics").text();
      StringBuilder data = new StringBuilder();
      for (String line : text.split("\n")) {
        String name = line.startsWith("# ") ? line.split(" ")[2] : line;
        if (DATA.stream().anyMatch(name::startsWith)) {
          data.append(line).append('\n');
        }
      }
      Golden.assertMatches(data.toString(), "golden/two-zones.prom");
      List<String> findings = Promtool.lint(text);
      // lablabs' names (counters without _total, gauges with a quantile label, _ms) are kept
      // on purpose; nothing else may show.
      assertThat(findings.stream().distinct()).allSatisfy(f -> assertThat(f)
          .containsAnyOf("counter metrics should have \"_total\" suffix",
              "non-histogram and non-summary metrics should not have \"_count\" suffix",
              "non-counter metrics should not have \"_total\" suffix",
              "non-summary metrics should not have \"quantile\" label",
              "cloudflare_zone_requests_origin_status_country_host_p"));
    }
  }

  @Test
  void theSeriesTheWorkersApiAlertsReadAreThere() throws Exception {
    try (Harness h = Harness.start(2, 2)) {
      h.poll();
      Exposition m = h.scrape();
      String zone = FakeAccounts.zoneName(1);
      // Worker 5xx, by host at the edge and by the Workers' own HTTP status.
      assertThat(m.value("cloudflare_zone_requests_status_country_host", "zone", zone,
          "status", "503", "host", "api." + zone)).isPositive();
      assertThat(m.value("cloudflare_zone_worker_requests_status", "zone", zone, "status",
          "500")).isPositive();
      // p95 over 2 s.
      assertThat(m.value("cloudflare_zone_edge_time_to_first_byte_p95_seconds", "zone", zone,
          "host", "api." + zone)).isEqualTo(1.51);
      // Edge cache hit ratio, whatever the plan.
      assertThat(m.value("cloudflare_zone_requests_cached", "zone", zone)
          / m.value("cloudflare_zone_requests_total", "zone", zone)).isBetween(0.69, 0.7);
      assertThat(m.value("cloudflare_zone_requests_cache_status", "zone", zone,
          "cache_status", "hit")).isPositive();
      // Worker CPU time near its limit.
      assertThat(m.value("cloudflare_worker_cpu_time", "script_name", "api-worker-1",
          "status", "success", "quantile", "P99")).isEqualTo(291.5);
      assertThat(m.familyOrFail("cloudflare_zone_requests_total").help())
          .contains("scrape_delay");
    }
  }

  @Test
  void theLandingPageAndStatusSayHowOldTheDataIs() throws Exception {
    try (Harness h = Harness.start(1, 1)) {
      h.poll();
      assertThat(h.app.get("/").text()).contains("late by nature", "href=\"status\"",
          "data counted up to 2024-05-20T10:05:00Z, 330 s ago (scrape_delay 300 s); "
              + "API reachable; last poll ")
          .doesNotContain("Probe a target", "href=\"probe\"");
      String status = h.app.get("/status").text();
      assertThat(status).contains("complete one-minute windows ending scrape_delay (300 s)")
          .containsPattern("http_requests +2024-05-20T10:05:00Z +330 s +ok");
    }
  }

  @Test
  void withoutCredentialsOnlyTheExportersOwnMetricsAreServed() throws Exception {
    try (InProcessExporter e = InProcessExporter.start(new CloudflareExporter(), List.of(),
        Map.of())) {
      Exposition m = e.scrape();
      assertThat(m.names()).contains("cloudflare_exporter_build_info")
          .doesNotContain("cloudflare_up");
      assertThat(e.get("/status").text()).contains("No credentials configured");
    }
  }

  @Test
  void aReloadAppliesFromTheNextPoll(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cf.yml");
    Files.writeString(file, "zones: [" + FakeAccounts.zoneName(0) + ", "
        + FakeAccounts.zoneName(1) + "]\n");
    try (Harness h = Harness.start(new FakeAccounts(1, 3, 1, Harness.TOKEN), Map.of(),
        "--config.file=" + file)) {
      h.poll();
      assertThat(h.scrape().samples("cloudflare_zone_requests_total")).hasSize(2);
      Files.writeString(file, "zones: [" + FakeAccounts.zoneName(2) + "]\n");
      assertThat(h.app.post("/-/reload").status()).isEqualTo(200);
      h.pollAfter(1);
      assertThat(h.scrape().samples("cloudflare_zone_requests_total"))
          .extracting(s -> s.labels().get("zone")).containsExactly(FakeAccounts.zoneName(2));
    }
  }
}
