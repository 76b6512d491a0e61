package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeData;
import io.exporters.testkit.Exposition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A burst of zones cannot break the GraphQL budget: 1,000 zones need 100 queries a minute, the
 * budget allows 250 in any five minutes, so each poll sends its share (50), stalest first, and
 * every zone is still counted minute by minute, just in wider windows.
 */
class BudgetTest {
  private static final int ZONES = 1000;

  @Test
  void athousandZonesStayWithinTheBudgetAndEveryMinuteIsStillCounted() throws Exception {
    try (Harness h = Harness.start(new FakeAccounts(2, ZONES, 2, Harness.TOKEN), Map.of())) {
      List<Long> perPoll = new ArrayList<>();
      long before = 0;
      for (int i = 0; i < 10; i++) {
        if (i > 0) {
          h.pollAfter(1);
        } else {
          h.poll();
        }
        long now = h.fake.graphqlRequests();
        perPoll.add(now - before);
        before = now;
      }
      assertThat(perPoll).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(50));
      for (int i = 0; i + 5 <= perPoll.size(); i++) {
        long inFive = perPoll.subList(i, i + 5).stream().mapToLong(Long::longValue).sum();
        assertThat(inFive).as("queries in polls %d..%d", i, i + 4).isLessThanOrEqualTo(250);
      }
      // Every request batched at most ten zones.
      h.fake.requests().stream().filter(r -> r.path().endsWith("/graphql"))
          .forEach(r -> assertThat(r.body().split("\"[0-9a-f]{32}\"", -1).length - 1)
              .isLessThanOrEqualTo(10));

      Exposition m = h.scrape();
      assertThat(m.value("cloudflare_exporter_api_budget_used", "api", "graphql"))
          .isLessThanOrEqualTo(250);
      assertThat(m.value("cloudflare_exporter_queries_deferred")).isPositive();
      Instant target = Instant.parse("2024-05-20T10:14:00Z");
      long base = Instant.parse("2024-05-20T10:04:00Z").getEpochSecond() / 60;
      for (int z = 0; z < ZONES; z++) {
        Instant counted = h.data().cursors().position(FakeAccounts.zoneId(z), "http_requests");
        assertThat(counted).as("zone %d lags at most two minutes", z)
            .isAfterOrEqualTo(target.minusSeconds(120));
        long expected = 0;
        for (long minute = base; minute < counted.getEpochSecond() / 60; minute++) {
          expected += FakeData.requests(z, minute);
        }
        assertThat(m.value("cloudflare_zone_requests_total", "zone", FakeAccounts.zoneName(z)))
            .as("zone %d", z).isEqualTo(expected);
      }
    }
  }
}
