package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.redis.SharedRedis;
import io.exporters.redis.info.Info;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Key checks: every type's size and short strings' values, as the test wrote them, without
 * raising a single error on the server; missing keys; per-request patterns; and the bounds: a
 * key limit and a scan cut by its time budget that resumes on the next scrape.
 */
class KeyChecksCollectorTest {
  private static final int DB = 13;
  private final SharedRedis redis = new SharedRedis();

  @AfterEach
  void cleanUp() {
    redis.cleanUp(DB);
    redis.close();
  }

  @Test
  void everyTypeHasItsSizeAndStringsTheirValueWithoutAnErrorOnTheServer() throws Exception {
    Jedis j = redis.jedis();
    j.select(DB);
    j.set(redis.key("counter"), "42");
    j.set(redis.key("greeting"), "hello");
    j.set(redis.key("big"), "x".repeat(5000));
    j.pfadd(redis.key("hll"), "a", "b", "c");
    j.rpush(redis.key("list"), "1", "2", "3", "4");
    j.sadd(redis.key("set"), "a", "b");
    j.zadd(redis.key("zset"), 1, "a");
    j.hset(redis.key("hash"), Map.of("f1", "v", "f2", "v", "f3", "v"));
    j.xadd(redis.key("stream"), XAddParams.xAddParams(), Map.of("f", "v"));
    j.select(0);
    long errorsBefore = errors(j);
    try (InProcessExporter e = Scrapes.exporter("--check-keys=db" + DB + "="
        + redis.prefix() + "*", "--check-single-keys=db" + DB + "=" + redis.key("absent"))) {
      Exposition scraped = Scrapes.scrape(e, redis.url(), 5);
      String db = "db" + DB;
      Map<String, Double> sizes = new HashMap<>();
      for (String k : new String[] {"counter", "greeting", "big", "hll", "list", "set", "zset",
          "hash", "stream"}) {
        sizes.put(k, scraped.value("redis_key_size", "db", db, "key", redis.key(k)));
      }
      assertThat(sizes).containsEntry("counter", 2.0).containsEntry("greeting", 5.0)
          .containsEntry("big", 5000.0).containsEntry("hll", 3.0).containsEntry("list", 4.0)
          .containsEntry("set", 2.0).containsEntry("zset", 1.0).containsEntry("hash", 3.0)
          .containsEntry("stream", 1.0);
      assertThat(scraped.value("redis_key_value", "db", db, "key", redis.key("counter")))
          .isEqualTo(42);
      assertThat(scraped.value("redis_key_value_as_string", "db", db, "key",
          redis.key("greeting"), "val", "hello")).isEqualTo(1);
      // Long strings and HyperLogLogs have no value series.
      assertThat(scraped.find("redis_key_value_as_string", "key", redis.key("big"))).isEmpty();
      assertThat(scraped.find("redis_key_value_as_string", "key", redis.key("hll"))).isEmpty();
      assertThat(scraped.value("redis_key_memory_usage_bytes", "db", db, "key",
          redis.key("list"))).isPositive();
      // A missing single key is left out (1.45 exported it as 0).
      assertThat(scraped.find("redis_key_size", "key", redis.key("absent"))).isEmpty();
      assertThat(scraped.value("redis_exporter_key_check_truncated", "check", "keys", "db", db,
          "pattern", redis.prefix() + "*")).isZero();
      // No PFCOUNT on plain strings: the server counted no error of ours.
      assertThat(errors(j)).isEqualTo(errorsBefore);
    }
    try (InProcessExporter e = Scrapes.exporter("--compat=1.45", "--check-single-keys=db" + DB
        + "=" + redis.key("absent"), "--disable-exporting-key-values")) {
      assertThat(Scrapes.scrape(e, redis.url(), 5).value("redis_key_size", "key",
          redis.key("absent"))).isZero();
    }
  }

  @Test
  void aScrapeRequestMayAskForItsOwnKeys() throws Exception {
    redis.jedis().select(DB);
    redis.jedis().set(redis.key("asked"), "7");
    redis.jedis().select(0);
    try (InProcessExporter e = Scrapes.exporter()) {
      Exposition scraped = Scrapes.scrape(e, redis.url(), 5, "check-keys",
          "db" + DB + "=" + redis.prefix() + "ask*");
      assertThat(scraped.value("redis_key_value", "key", redis.key("asked"))).isEqualTo(7);
      assertThat(Scrapes.scrape(e, redis.url(), 5).find("redis_key_value", "key",
          redis.key("asked"))).isEmpty();
    }
  }

  @Test
  void aLargeKeyspaceIsBoundedByTheKeyLimitAndTheScanBudget() throws Exception {
    try (PrivateRedis big = PrivateRedis.start(); Jedis j = big.client()) {
      j.eval("for i = 1, 100000 do redis.call('SET', 'k:' .. i, i) end", 0);
      try (InProcessExporter e = Scrapes.exporter("--check-keys=k:*",
          "--check-keys-limit=100")) {
        Exposition limited = Scrapes.scrape(e, big.url(), 5);
        assertThat(limited.samples("redis_key_size")).hasSize(100);
        assertThat(limited.value("redis_exporter_key_check_truncated", "pattern", "k:*"))
            .isEqualTo(1);
      }
      // SCAN one key per call: 100,000 round trips do not fit a 1 s deadline; it resumes.
      try (InProcessExporter e = Scrapes.exporter("--count-keys=k:*",
          "--check-keys-batch-size=1")) {
        Exposition first = Scrapes.scrape(e, big.url(), 1);
        assertThat(first.value("redis_exporter_key_check_truncated", "check", "count"))
            .isEqualTo(1);
        assertThat(first.value("redis_keys_count", "key", "k:*")).isLessThan(100000);
        Exposition last = first;
        for (int i = 0; i < 600 && last.value("redis_exporter_key_check_truncated", "check",
            "count") == 1; i++) {
          last = Scrapes.scrape(e, big.url(), 1);
        }
        assertThat(last.value("redis_keys_count", "key", "k:*")).isEqualTo(100000);
        assertThat(last.value("redis_exporter_key_check_truncated", "check", "count")).isZero();
      }
    }
  }

  private static long errors(Jedis j) {
    return Long.parseLong(Info.parse(j.info("stats")).get("total_error_replies"));
  }
}
