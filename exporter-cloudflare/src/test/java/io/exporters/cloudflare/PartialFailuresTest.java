package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeCloudflare;
import io.exporters.cloudflare.fake.FakeData;
import io.exporters.testkit.Exposition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partial failures stay partial: an answer with data and errors keeps the good zones and maps
 * each error to its zone and dataset; a plan without a dataset (or some of its fields) is
 * learnt once and logged once; a token without a permission is told by name.
 */
class PartialFailuresTest {
  private static final String Z2 = FakeAccounts.zoneId(2);

  @Test
  void anAnswerWithDataAndErrorsKeepsTheGoodZonesAndRetriesOnlyTheFailedOne() throws Exception {
    try (Harness h = Harness.start(5, 1)) {
      h.fake.failOnce(Z2, "http_requests", "unable to execute query, please try again later");
      h.poll();
      Exposition m = h.scrape();
      for (int z : List.of(0, 1, 3, 4)) {
        assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(z)))
            .isEqualTo(FakeData.requests(z, Harness.minutes(4, 5).get(0)));
      }
      assertThat(m.find("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(2)))
          .isEmpty();
      // The same zone's other datasets in the same answer were counted.
      assertThat(m.value("cloudflare_zone_worker_requests_status", "zone",
          FakeAccounts.zoneName(2), "status", "500")).isEqualTo(3);
      assertThat(m.value("cloudflare_exporter_api_requests_total", "endpoint", "graphql",
          "error_class", "transient", "status", "200")).isEqualTo(1);

      h.pollAfter(1);
      m = h.scrape();
      long m4 = Harness.minutes(4, 5).get(0);
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(2)))
          .isEqualTo(FakeData.requests(2, m4) + FakeData.requests(2, m4 + 1));
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(3)))
          .isEqualTo(FakeData.requests(3, m4) + FakeData.requests(3, m4 + 1));
    }
  }

  @Test
  void aZoneWhosePlanLacksADatasetIsAskedOnceLoggedOnceAndSkipped() throws Exception {
    try (Harness h = Harness.start(4, 1); LogCapture logs = new LogCapture()) {
      h.fake.lacks(Z2, "firewall_events");
      h.poll();
      h.pollAfter(1);
      h.pollAfter(1);
      long asked = h.fake.requests().stream().filter(r -> r.body().contains(Z2)
          && r.body().contains("firewallEventsAdaptiveGroups")).count();
      assertThat(asked).isEqualTo(1);
      Exposition m = h.scrape();
      assertThat(m.value("cloudflare_exporter_dataset_unavailable", "dataset",
          "firewall_events", "scope", FakeAccounts.zoneName(2))).isEqualTo(1);
      assertThat(m.find("cloudflare_zone_firewall_events_count", "zone",
          FakeAccounts.zoneName(2))).isEmpty();
      assertThat(m.value("cloudflare_zone_firewall_events_count", "zone",
          FakeAccounts.zoneName(1))).isPositive();
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(2)))
          .isPositive();
      assertThat(m.value("cloudflare_scrape_collector_success", "collector",
          "firewall_events")).isEqualTo(1);
      assertThat(logs.lines().stream().filter(l -> l.contains("zone2.example")
          && l.contains("firewall_events"))).hasSize(1);
      assertThat(h.app.get("/status").text()).contains("zone zone2.example: firewall_events: "
          + "not available to its plan");
    }
  }

  @Test
  void aZoneWithoutPaidFieldsKeepsItsCountsWithoutQuantiles() throws Exception {
    try (Harness h = Harness.start(2, 1)) {
      h.fake.lacksFields(FakeAccounts.zoneId(0), "origin_status");
      h.poll();
      h.pollAfter(1);
      Exposition m = h.scrape();
      String zone0 = FakeAccounts.zoneName(0);
      assertThat(m.value("cloudflare_zone_requests_origin_status_country_host", "zone", zone0,
          "status", "502")).isEqualTo(2);
      assertThat(m.find("cloudflare_zone_requests_origin_status_country_host_p95_ms", "zone",
          zone0, "status", "502")).isEmpty();
      assertThat(m.value("cloudflare_zone_requests_origin_status_country_host_p95_ms", "zone",
          FakeAccounts.zoneName(1), "status", "200", "host", "api.zone1.example"))
          .isEqualTo(900);
    }
  }

  @Test
  void aTokenWithoutAccountAnalyticsIsToldByNameAndZonesGoOn() throws Exception {
    try (Harness h = Harness.start(3, 2)) {
      h.fake.intercept(r -> r.body().contains("accounts(filter") ? FakeCloudflare.Reply.of(403,
          "{\"data\":null,\"errors\":[{\"message\":\"not authorized for that account\","
              + "\"path\":null,\"extensions\":{\"timestamp\":\"2024-05-20T10:00:00Z\"}}]}")
          : null);
      h.poll();
      h.pollAfter(1);
      Exposition m = h.scrape();
      assertThat(m.value("cloudflare_up")).isEqualTo(1);
      assertThat(m.value("cloudflare_exporter_dataset_unavailable", "dataset", "workers",
          "scope", FakeAccounts.accountName(0))).isEqualTo(1);
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(1)))
          .isPositive();
      assertThat(h.app.get("/status").text()).contains(
          "the API token lacks the permission 'Account > Account Analytics > Read' needed for");
      long accountQueries = h.fake.requests().stream()
          .filter(r -> r.body().contains("accounts(filter")).count();
      assertThat(accountQueries).isEqualTo(1);
    }
  }
}
