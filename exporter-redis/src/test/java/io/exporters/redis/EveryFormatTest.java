package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.EveryFormat;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

/**
 * /metrics and /scrape on a real Redis 7 with a password (so AUTH has latency percentiles, the
 * summary that made every protobuf scrape a 500), in text, OpenMetrics and protobuf.
 */
class EveryFormatTest {
  @Test
  void everyFormatServesTheSameSeries() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--requirepass", "pw-every-format");
        Jedis admin = redis.client()) {
      admin.set("k:1", "42");
      admin.lpush("l:1", "a", "b");
      admin.xadd("s:1", StreamEntryID.NEW_ENTRY, Map.of("f", "v"));
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(
          "--redis.addr=" + redis.url(), "--redis.password=pw-every-format",
          "--check-keys=k:*,l:*", "--check-streams=s:*", "--count-keys=k:*",
          "--include-config-metrics", "--export-client-list"), Map.of())) {
        e.scrape();
        Exposition text = EveryFormat.check(e, "/metrics");
        assertThat(text.find("redis_latency_percentiles_usec", "cmd", "auth", "quantile", "50"))
            .isPresent();
        EveryFormat.check(e, "/scrape?target=" + URLEncoder.encode(redis.url(),
            StandardCharsets.UTF_8) + "&check-keys=k:*");
      }
    }
  }
}
