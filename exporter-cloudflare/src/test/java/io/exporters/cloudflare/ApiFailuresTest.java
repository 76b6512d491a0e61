package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeCloudflare;
import io.exporters.cloudflare.fake.FakeData;
import io.exporters.testkit.Exposition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * When the API refuses, limits, stalls or garbles: cloudflare_up says so, the exporter backs
 * off as asked (Retry-After, "budget depleted" as a 429 or inside a 200), splits costly
 * queries, and once the API is back counts every missed minute; it never exits.
 */
class ApiFailuresTest {
  private static final String BUDGET = "{\"data\":null,\"errors\":[{\"message\":\"rate limiter "
      + "budget depleted, try again after 5 minutes\",\"path\":null,\"extensions\":"
      + "{\"timestamp\":\"2024-05-20T10:00:00Z\"}}]}";

  @Test
  void rejectedCredentialsGiveUpZeroAndSayWhichWithoutShowingThem() throws Exception {
    String wrong = "wrong-token-that-must-stay-secret";
    try (Harness h = Harness.start(new FakeAccounts(1, 2, 1, Harness.TOKEN),
        Map.of("CF_API_TOKEN", wrong))) {
      h.poll();
      String metrics = h.app.get("/metrics").text();
      assertThat(Exposition.parseText(metrics).value("cloudflare_up")).isEqualTo(0);
      assertThat(Exposition.parseText(metrics).value("cloudflare_exporter_up")).isEqualTo(0);
      String status = h.app.get("/status").text();
      assertThat(status).contains("the API rejected the API token (CF_API_TOKEN) (HTTP 401)");
      assertThat(metrics + status + h.app.get("/").text()).doesNotContain(wrong);
    }
  }

  @Test
  void aRateLimitWithRetryAfterIsHonouredAndTheMissedMinutesAreCountedAfter() throws Exception {
    try (Harness h = Harness.start(3, 1)) {
      AtomicBoolean limited = new AtomicBoolean(true);
      h.fake.intercept(r -> r.path().endsWith("/graphql") && limited.getAndSet(false)
          ? new FakeCloudflare.Reply(429, Map.of("Retry-After", "150"), "{\"data\":null,"
              + "\"errors\":[{\"message\":\"too many requests, please wait\",\"path\":null}]}",
              Duration.ZERO) : null);
      h.poll();
      long sent = h.fake.graphqlRequests();
      h.pollAfter(1);
      h.pollAfter(1);
      assertThat(h.fake.graphqlRequests()).as("nothing sent within Retry-After").isEqualTo(sent);
      assertThat(h.scrape().value("cloudflare_exporter_api_backoff_seconds", "api", "graphql"))
          .isEqualTo(30);
      h.pollAfter(1);
      assertThat(h.fake.graphqlRequests()).isGreaterThan(sent);
      assertCounted(h, Harness.minutes(4, 8));
    }
  }

  @Test
  void budgetDepletedInsideA200BacksOffFiveMinutes() throws Exception {
    try (Harness h = Harness.start(3, 1)) {
      AtomicBoolean depleted = new AtomicBoolean(true);
      h.fake.intercept(r -> r.path().endsWith("/graphql") && depleted.getAndSet(false)
          ? FakeCloudflare.Reply.of(200, BUDGET) : null);
      h.poll();
      long sent = h.fake.graphqlRequests();
      for (int i = 0; i < 4; i++) {
        h.pollAfter(1);
      }
      assertThat(h.fake.graphqlRequests()).isEqualTo(sent);
      assertThat(h.scrape().value("cloudflare_exporter_api_requests_total", "endpoint",
          "graphql", "error_class", "budget", "status", "200")).isEqualTo(1);
      h.pollAfter(1);
      assertCounted(h, Harness.minutes(4, 10));
    }
  }

  @Test
  void aSlowApiGivesUpZeroByTheDeadlineAndTheExporterRecoversByItself() throws Exception {
    try (Harness h = Harness.start(new FakeAccounts(1, 3, 1, Harness.TOKEN),
        Map.of("CF_TIMEOUT", "300ms"))) {
      h.poll();
      assertThat(h.scrape().value("cloudflare_up")).isEqualTo(1);
      h.fake.delay(Duration.ofSeconds(3));
      h.pollAfter(1);
      Exposition m = h.scrape();
      assertThat(m.value("cloudflare_up")).isEqualTo(0);
      assertThat(m.value("cloudflare_scrape_collector_success", "collector", "http_requests"))
          .isEqualTo(0);
      // Counters stay served while the API is down.
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(0)))
          .isEqualTo(FakeData.requests(0, Harness.minutes(4, 5).get(0)));
      assertThat(m.value("cloudflare_exporter_api_requests_total", "endpoint", "graphql",
          "error_class", "timeout", "status", "none")).isPositive();
      h.fake.delay(Duration.ZERO);
      h.pollAfter(1);
      assertThat(h.scrape().value("cloudflare_up")).isEqualTo(1);
      assertCounted(h, Harness.minutes(4, 7));
    }
  }

  @Test
  void malformedJsonIsCountedAsSuchAndTheWindowReadAgain() throws Exception {
    try (Harness h = Harness.start(2, 1)) {
      AtomicBoolean garble = new AtomicBoolean(true);
      h.fake.intercept(r -> r.path().endsWith("/graphql") && garble.getAndSet(false)
          ? FakeCloudflare.Reply.of(200, "{\"data\": {\"viewer\": [tru") : null);
      h.poll();
      h.pollAfter(1);
      assertThat(h.scrape().value("cloudflare_exporter_api_requests_total", "endpoint",
          "graphql", "error_class", "malformed", "status", "200")).isEqualTo(1);
      assertCounted(h, Harness.minutes(4, 6));
    }
  }

  @Test
  void aQueryTooCostlyForCloudflareIsSplitIntoSmallerOnes() throws Exception {
    try (Harness h = Harness.start(10, 1)) {
      h.fake.intercept(r -> r.path().endsWith("/graphql") && zones(r) > 5
          ? FakeCloudflare.Reply.of(200, "{\"data\":null,\"errors\":[{\"message\":\"in "
              + "combination, your request queries too many nodes, zones and accounts\","
              + "\"path\":null}]}") : null);
      h.poll();
      h.pollAfter(1);
      Exposition m = h.scrape();
      assertThat(m.value("cloudflare_exporter_zones_per_query")).isEqualTo(5);
      assertCounted(h, Harness.minutes(4, 6));
    }
  }

  private static long zones(FakeCloudflare.Recorded r) {
    return FakeAccounts.zoneId(0).length() == 32
        ? r.body().split("\"[0-9a-f]{32}\"", -1).length - 1 : 0;
  }

  private static void assertCounted(Harness h, List<Long> minutes) throws Exception {
    Exposition m = h.scrape();
    for (int z = 0; z < 2; z++) {
      long expected = 0;
      for (long minute : minutes) {
        expected += FakeData.requests(z, minute);
      }
      assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(z)))
          .isEqualTo(expected);
    }
  }
}
