package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeCloudflare;
import io.exporters.cloudflare.fake.FakeData;
import io.exporters.cloudflare.fake.GraphqlRequest;
import io.exporters.testkit.Exposition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * True counters: over several polls, a missed poll and a failed one, every minute is counted
 * exactly once (the counters equal the sums of the fake's per-minute values), windows are
 * contiguous, and counters never go down.
 */
class CountingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyMinuteIsCountedOnceAcrossMissedAndFailedPolls() throws Exception {
    try (Harness h = Harness.start(12, 3)) {
      List<Long> counted = new ArrayList<>();
      h.poll();
      counted.addAll(Harness.minutes(4, 5));
      assertCounts(h, counted);

      h.pollAfter(1);
      counted.addAll(Harness.minutes(5, 6));
      assertCounts(h, counted);

      // Three polls missed (the process was busy): the next reads three minutes at once.
      h.pollAfter(3);
      counted.addAll(Harness.minutes(6, 9));
      assertCounts(h, counted);

      // A poll whose GraphQL requests all fail counts nothing; the next one catches up.
      h.fake.intercept(r -> r.path().endsWith("/graphql")
          ? FakeCloudflare.Reply.of(503, "{\"data\":null,\"errors\":[{\"message\":"
              + "\"unable to execute query, please try again later\",\"path\":null}]}")
          : null);
      h.pollAfter(1);
      assertCounts(h, counted);
      h.fake.intercept(r -> null);
      h.pollAfter(1);
      counted.addAll(Harness.minutes(9, 11));
      assertCounts(h, counted);

      assertContiguousWindows(h.fake, Harness.minutes(4, 11));
    }
  }

  private static void assertCounts(Harness h, List<Long> minutes) throws Exception {
    Exposition m = h.scrape();
    for (int z = 0; z < 12; z++) {
      String zone = FakeAccounts.zoneName(z);
      int zi = z;
      assertThat(m.value("cloudflare_zone_requests_total", "zone", zone))
          .as("requests of %s over %s", zone, minutes)
          .isEqualTo(sum(minutes, mm -> FakeData.requests(zi, mm)));
      assertThat(m.value("cloudflare_zone_requests_status", "zone", zone, "status", "503"))
          .isEqualTo(sum(minutes, mm -> FakeData.edge5xx(zi, mm)));
      assertThat(m.value("cloudflare_zone_requests_status_country_host", "zone", zone,
          "status", "503", "host", "api." + zone, "country", "US"))
          .isEqualTo(sum(minutes, mm -> FakeData.edge5xx(zi, mm)));
      assertThat(m.value("cloudflare_zone_worker_requests_status", "zone", zone, "status",
          "500")).isEqualTo(3.0 * minutes.size());
      assertThat(m.value("cloudflare_zone_firewall_events_count", "zone", zone, "rule",
          "block_bad_bots")).isEqualTo(sum(minutes, mm -> FakeData.firewallEvents(zi, mm)));
    }
    for (int s = 0; s < 3; s++) {
      int si = s;
      assertThat(m.value("cloudflare_worker_requests_count", "script_name", "api-worker-" + s,
          "status", "success")).isEqualTo(sum(minutes, mm -> FakeData.workerRequests(si, mm)));
    }
    assertThat(m.value("cloudflare_exporter_last_window_end_timestamp_seconds", "dataset",
        "http_requests")).isEqualTo((minutes.get(minutes.size() - 1) + 1) * 60.0);
  }

  private static double sum(List<Long> minutes, LongUnaryOperator perMinute) {
    long total = 0;
    for (long m : minutes) {
      total += perMinute.applyAsLong(m);
    }
    return total;
  }

  /** Every zone's http_requests windows, as sent, tile the minutes once, in order. */
  private static void assertContiguousWindows(FakeCloudflare fake, List<Long> minutes)
      throws Exception {
    Map<String, List<Long>> read = new HashMap<>();
    for (FakeCloudflare.Recorded r : fake.requests()) {
      if (!r.path().endsWith("/graphql") || r.body().contains("\"account\"")) {
        continue;
      }
      GraphqlRequest q = GraphqlRequest.parse(JSON.readTree(r.body()));
      for (GraphqlRequest.Node n : q.nodes()) {
        if (n.alias().equals("http_requests")) {
          q.zones().forEach(z -> read.computeIfAbsent(z, k -> new ArrayList<>())
              .addAll(n.minutes()));
        }
      }
    }
    assertThat(read).hasSize(12);
    // The failed poll asked for minute 9 too; what counts is that what was counted tiles.
    read.values().forEach(list -> assertThat(list.stream().distinct().toList())
        .containsExactlyElementsOf(minutes));
    assertThat(Instant.ofEpochSecond(minutes.get(0) * 60))
        .isEqualTo(Instant.parse("2024-05-20T10:04:00Z"));
  }
}
