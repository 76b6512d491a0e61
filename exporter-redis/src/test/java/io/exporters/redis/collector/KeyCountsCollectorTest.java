package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.redis.SharedRedis;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** --count-keys counts exactly the keys the test made, in their database, as they change. */
class KeyCountsCollectorTest {
  private static final int DB = 14;
  private final SharedRedis redis = new SharedRedis();

  @AfterEach
  void cleanUp() {
    redis.cleanUp(DB);
    redis.close();
  }

  @Test
  void theCountFollowsTheKeys() throws Exception {
    Jedis j = redis.jedis();
    j.select(DB);
    for (int i = 0; i < 37; i++) {
      j.set(redis.key("n" + i), "v");
    }
    String pattern = redis.prefix() + "n*";
    try (InProcessExporter e = Scrapes.exporter("--count-keys=db" + DB + "=" + pattern)) {
      Exposition first = Scrapes.scrape(e, redis.url(), 5);
      assertThat(first.value("redis_keys_count", "db", "db" + DB, "key", pattern))
          .isEqualTo(37);
      j.del(redis.key("n0"), redis.key("n1"));
      // A scan that fits in one SCAN call is done again on every scrape: no stale count.
      assertThat(Scrapes.scrape(e, redis.url(), 5).value("redis_keys_count", "key", pattern))
          .isEqualTo(35);
      assertThat(Scrapes.scrape(e, redis.url(), 5, "count-keys", "db" + DB + "="
          + redis.prefix() + "n1*").value("redis_keys_count", "key", redis.prefix() + "n1*"))
          .isEqualTo(10);
    }
    j.select(0);
  }
}
