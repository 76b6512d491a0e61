package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeCloudflare;
import io.exporters.testkit.Exposition;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Zones and accounts are listed through every page, kept for the inventory TTL, filtered by
 * CF_ZONES and CF_EXCLUDE_ZONES; a zone that goes loses its series at once; and no request
 * ever leaves the configured base URL, not even by a redirect.
 */
class InventoryTest {
  @Test
  void listsEveryPageKeepsTheListForItsTtlAndDropsAZoneThatWent() throws Exception {
    try (Harness h = Harness.start(new FakeAccounts(60, 120, 1, Harness.TOKEN), Map.of())) {
      h.fake.clearRequests();
      h.poll();
      Exposition m = h.scrape();
      assertThat(m.value("cloudflare_exporter_zones", "state", "polled")).isEqualTo(120);
      assertThat(m.value("cloudflare_exporter_accounts")).isEqualTo(60);
      assertThat(pages(h.fake, "/client/v4/zones")).containsExactly("1", "2", "3");
      assertThat(pages(h.fake, "/client/v4/accounts")).containsExactly("1", "2");
      assertThat(m.find("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(7)))
          .isPresent();

      h.fake.clearRequests();
      h.accounts().remove(7);
      h.accounts().deactivate(8);
      h.pollAfter(5);
      assertThat(pages(h.fake, "/client/v4/zones")).as("within the 10m TTL").isEmpty();
      h.pollAfter(5);
      assertThat(pages(h.fake, "/client/v4/zones")).containsExactly("1", "2", "3");
      m = h.scrape();
      assertThat(m.find("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(7)))
          .as("a zone that went").isEmpty();
      assertThat(m.find("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(8)))
          .as("an inactive zone").isEmpty();
      assertThat(m.value("cloudflare_exporter_zones", "state", "inactive")).isEqualTo(1);
      assertThat(m.value("cloudflare_exporter_zones", "state", "polled")).isEqualTo(118);
    }
  }

  @Test
  void zonesAreChosenByIdOrNameAndAccountsByCfAccounts() throws Exception {
    try (Harness h = Harness.start(new FakeAccounts(2, 6, 1, Harness.TOKEN), Map.of(
        "CF_ZONES", FakeAccounts.zoneName(0) + "," + FakeAccounts.zoneId(1) + ","
            + FakeAccounts.zoneName(2),
        "CF_EXCLUDE_ZONES", FakeAccounts.zoneId(2),
        "CF_ACCOUNTS", FakeAccounts.accountId(0) + "," + FakeAccounts.accountId(1)))) {
      h.poll();
      Exposition m = h.scrape();
      assertThat(m.samples("cloudflare_zone_requests_total").stream()
          .map(s -> s.labels().get("zone")).toList())
          .containsExactlyInAnyOrder(FakeAccounts.zoneName(0), FakeAccounts.zoneName(1));
      assertThat(h.fake.requests().stream().map(FakeCloudflare.Recorded::query)
          .filter(q -> q != null && q.contains("account.id"))).hasSize(2);
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(1),
          "account", "acme-corp-1")).isPositive();
    }
  }

  @Test
  void noRequestLeavesTheBaseUrlNotEvenByARedirect() throws Exception {
    AtomicInteger elsewhere = new AtomicInteger();
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext("/", ex -> {
      elsewhere.incrementAndGet();
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    other.start();
    String away = "http://127.0.0.1:" + other.getAddress().getPort() + "/client/v4/zones";
    try (Harness h = Harness.start(3, 1)) {
      h.fake.intercept(r -> r.path().endsWith("/zones") ? new FakeCloudflare.Reply(302,
          Map.of("Location", away), "{}", Duration.ZERO) : null);
      h.poll();
      h.fake.intercept(r -> null);
      h.pollAfter(1);
      Exposition m = h.scrape();
      assertThat(elsewhere).hasValue(0);
      assertThat(m.value("cloudflare_exporter_api_requests_total", "endpoint", "zones",
          "error_class", "network", "status", "302")).isEqualTo(1);
      assertThat(h.fake.requests()).allSatisfy(r -> {
        assertThat(r.path()).startsWith("/client/v4/");
        assertThat(r.authorization()).isEqualTo("Bearer " + Harness.TOKEN);
      });
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(0)))
          .isPositive();
    } finally {
      other.stop(0);
    }
  }

  @Test
  void aGlobalKeyAndItsEmailAreSentAsHeadersAndNeverShown() throws Exception {
    String key = "0123456789abcdef-global-key";
    FakeAccounts accounts = new FakeAccounts(1, 2, 1, "unused").withGlobalKey(key,
        "ops@example.com");
    try (Harness h = Harness.start(accounts, Map.of("CF_API_TOKEN", "", "CF_API_KEY", key,
        "CF_API_EMAIL", "ops@example.com"))) {
      h.poll();
      Exposition m = h.scrape();
      assertThat(m.value("cloudflare_up")).isEqualTo(1);
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(1)))
          .isPositive();
      String shown = h.app.get("/metrics").text() + h.app.get("/").text()
          + h.app.get("/status").text();
      assertThat(shown).doesNotContain(key);
    }
  }

  private static List<String> pages(FakeCloudflare fake, String path) {
    List<String> out = fake.requests().stream().filter(r -> r.path().equals(path))
        .map(r -> r.query().replaceAll(".*(?:^|&)page=(\\d+).*", "$1")).toList();
    return out;
  }
}
