package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.SafeEncoder;

/** A latency spike the test caused (DEBUG SLEEP over a 1 ms threshold) shows up as such. */
class LatencyCollectorTest {
  @Test
  void aSpikeIsReportedWithItsTimeAndLength() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--latency-monitor-threshold", "1",
        "--enable-debug-command", "local");
        InProcessExporter e = Scrapes.exporter();
        Jedis j = redis.client()) {
      long before = System.currentTimeMillis() / 1000;
      j.sendCommand(() -> SafeEncoder.encode("DEBUG"), "SLEEP", "0.05");
      Exposition scraped = Scrapes.scrape(e, redis.url(), 5);
      assertThat(scraped.value("redis_latency_spike_duration_seconds", "event_name", "command"))
          .isBetween(0.04, 1.0);
      assertThat(scraped.value("redis_latency_spike_last", "event_name", "command"))
          .isBetween(before - 1.0, before + 60.0);
    }
  }
}
