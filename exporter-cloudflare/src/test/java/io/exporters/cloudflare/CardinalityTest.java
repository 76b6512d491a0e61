package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeData;
import io.exporters.testkit.Exposition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cardinality is the operator's: a label switched off leaves the query (the API sums over it),
 * top-N folds the rest of a breakdown into "other" with totals kept, series expire when they
 * stop coming, and the deny-list or a collector switched off also stops the API calls.
 */
class CardinalityTest {
  private static final String ZONE0 = FakeAccounts.zoneName(0);

  @Test
  void aLabelSwitchedOffIsNotAskedAndIsExportedEmpty() throws Exception {
    try (Harness h = Harness.start(2, 1, "--no-cloudflare.labels.host")) {
      h.poll();
      assertThat(h.fake.requests()).noneSatisfy(r ->
          assertThat(r.body()).contains("clientRequestHTTPHost"));
      Exposition m = h.scrape();
      List<Exposition.Sample> status = m.samples("cloudflare_zone_requests_status_country_host")
          .stream().filter(s -> s.labels().get("zone").equals(ZONE0)).toList();
      assertThat(status).hasSize(3).allSatisfy(s ->
          assertThat(s.labels().getOrDefault("host", "")).isEmpty());
      long minute = Harness.minutes(4, 5).get(0);
      assertThat(m.value("cloudflare_zone_requests_status_country_host", "zone", ZONE0,
          "status", "503")).isEqualTo(FakeData.edge5xx(0, minute));
    }
  }

  @Test
  void topNFoldsTheRestIntoOtherAndKeepsTheTotal() throws Exception {
    try (Harness h = Harness.start(2, 1, "--cloudflare.top-n=2")) {
      h.poll();
      h.pollAfter(1);
      Exposition m = h.scrape();
      List<Exposition.Sample> status = m.samples("cloudflare_zone_requests_status_country_host")
          .stream().filter(s -> s.labels().get("zone").equals(ZONE0)).toList();
      assertThat(status).hasSize(3);
      double other = m.value("cloudflare_zone_requests_status_country_host", "zone", ZONE0,
          "status", "other", "country", "other", "host", "other");
      double total = status.stream().mapToDouble(Exposition.Sample::value).sum();
      long expected5xx = 0;
      long expectedTotal = 0;
      for (long minute : Harness.minutes(4, 6)) {
        expected5xx += FakeData.edge5xx(0, minute);
        expectedTotal += FakeData.requests(0, minute);
      }
      assertThat(other).isEqualTo(expected5xx);
      assertThat(total).isEqualTo(expectedTotal);
    }
  }

  @Test
  void seriesThatStopComingExpireAfterTheirTtl() throws Exception {
    try (Harness h = Harness.start(2, 1, "--cloudflare.series-ttl=2m")) {
      h.poll();
      assertThat(h.scrape().find("cloudflare_zone_colocation_visits", "zone", ZONE0,
          "colocation", "FRA", "host", "api." + ZONE0)).isPresent();
      h.fake.lacks(FakeAccounts.zoneId(0), "colocation");
      h.pollAfter(1);
      h.pollAfter(1);
      assertThat(h.scrape().find("cloudflare_zone_colocation_visits", "zone", ZONE0,
          "colocation", "FRA", "host", "api." + ZONE0)).isPresent();
      h.pollAfter(1);
      Exposition m = h.scrape();
      assertThat(m.samples("cloudflare_zone_colocation_visits")).noneSatisfy(s ->
          assertThat(s.labels().get("zone")).isEqualTo(ZONE0));
      assertThat(m.find("cloudflare_zone_colocation_visits", "zone", FakeAccounts.zoneName(1),
          "colocation", "FRA", "host", "api." + FakeAccounts.zoneName(1))).isPresent();
    }
  }

  @Test
  void answersCutAtTheRowLimitAreCountedAndReported(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cf.yml");
    Files.writeString(file, "row_limit: 4\n");
    try (Harness h = Harness.start(new FakeAccounts(1, 2, 1, Harness.TOKEN), Map.of(),
        "--config.file=" + file)) {
      h.poll();
      Exposition m = h.scrape();
      // Six colocation rows per zone (3 data centres by 2 hosts) against a limit of four.
      assertThat(m.value("cloudflare_exporter_rows_truncated_total", "dataset", "colocation"))
          .isEqualTo(2);
      assertThat(m.find("cloudflare_exporter_rows_truncated_total", "dataset",
          "http_requests")).isEmpty();
      assertThat(h.app.get("/status").text()).contains("colocation: an answer reached the row "
          + "limit of 4 rows");
    }
  }

  @Test
  void theDenyListAndCollectorsSwitchedOffAlsoSaveTheirApiCalls() throws Exception {
    try (Harness h = Harness.start(new FakeAccounts(1, 2, 1, Harness.TOKEN), Map.of(
        "METRICS_DENYLIST", "cloudflare_zone_colocation_visits,"
            + "cloudflare_zone_colocation_edge_response_bytes,"
            + "cloudflare_zone_colocation_requests_total,cloudflare_zone_uniques_total"),
        "--no-collector.firewall_events", "--no-collector.tunnels")) {
      h.poll();
      assertThat(h.fake.requests()).noneSatisfy(r -> assertThat(r.body())
          .containsAnyOf("coloCode", "firewallEventsAdaptiveGroups"));
      assertThat(h.fake.requests()).noneSatisfy(r -> assertThat(r.path())
          .contains("cfd_tunnel"));
      Exposition m = h.scrape();
      assertThat(m.names()).doesNotContain("cloudflare_zone_colocation_visits",
          "cloudflare_zone_uniques_total", "cloudflare_zone_firewall_events_count",
          "cloudflare_tunnel_info");
      assertThat(m.names()).contains("cloudflare_zone_requests_total",
          "cloudflare_pool_origin_health_status");
    }
  }
}
