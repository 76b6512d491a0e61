package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.Slowlog;

/** The slow log of a private server that logs every command: length, newest id and time. */
class SlowlogCollectorTest {
  @Test
  void lengthAndNewestEntryAsTheServerHasThem() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--slowlog-log-slower-than", "0",
        "--slowlog-max-len", "1000");
        InProcessExporter e = Scrapes.exporter();
        Jedis j = redis.client()) {
      j.slowlogReset();
      assertThat(Scrapes.scrape(e, redis.url(), 5).value("redis_slowlog_length"))
          .isPositive();
      j.slowlogReset();
      j.set("slow", "x");
      Exposition scraped = Scrapes.scrape(e, redis.url(), 5);
      List<Slowlog> log = j.slowlogGet(50);
      // What the server logged up to our scrape: the SET, then the exporter's own commands.
      assertThat(scraped.value("redis_slowlog_length")).isBetween(1.0, (double) log.size());
      assertThat(scraped.value("redis_slowlog_last_id")).isBetween(1.0,
          (double) log.get(0).getId());
      assertThat(scraped.value("redis_last_slow_execution_duration_seconds"))
          .isBetween(0.0, 1.0);
      assertThat(scraped.value("redis_scrape_collector_success", "collector", "slowlog"))
          .isEqualTo(1);
    }
  }
}
