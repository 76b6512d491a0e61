package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.redis.Scrapes;
import io.exporters.redis.SharedRedis;
import io.exporters.redis.info.Info;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * The info collector against the shared Redis, on values the test caused itself: keys in two
 * databases (some expiring), commands run, an error reply provoked; and connections reused
 * between scrapes, named redis_exporter.
 */
class InfoCollectorTest {
  private static final int DB_A = 11;
  private static final int DB_B = 12;
  private final SharedRedis redis = new SharedRedis();

  @AfterEach
  void cleanUp() {
    redis.cleanUp(DB_A, DB_B, 0);
    redis.close();
  }

  @Test
  void keyspaceCommandsAndErrorsReflectWhatTheTestDid() throws Exception {
    Jedis j = redis.jedis();
    try (InProcessExporter e = Scrapes.exporter()) {
      Exposition before = Scrapes.scrape(e, redis.url(), 5);
      j.select(DB_A);
      j.set(redis.key("a"), "1");
      j.set(redis.key("b"), "2", SetParams.setParams().ex(600));
      j.set(redis.key("c"), "3", SetParams.setParams().ex(600));
      j.select(DB_B);
      j.set(redis.key("d"), "4");
      j.select(0);
      j.rpush(redis.key("list"), "x", "y", "x");
      for (int i = 0; i < 5; i++) {
        j.lpos(redis.key("list"), "x");
      }
      assertThatThrownBy(() -> j.eval("return redis.error_reply('EXPORTERTEST provoked')", 0))
          .hasMessageContaining("EXPORTERTEST");

      Exposition after = Scrapes.scrape(e, redis.url(), 5);
      assertThat(delta(before, after, "redis_db_keys", "db", "db" + DB_A)).isEqualTo(3);
      assertThat(delta(before, after, "redis_db_keys_expiring", "db", "db" + DB_A))
          .isEqualTo(2);
      assertThat(delta(before, after, "redis_db_keys", "db", "db" + DB_B)).isEqualTo(1);
      assertThat(delta(before, after, "redis_commands_total", "cmd", "lpos")).isEqualTo(5);
      assertThat(delta(before, after, "redis_errors_total", "err", "EXPORTERTEST"))
          .isEqualTo(1);
      // The percentiles summary counts the calls cmdstat counts, quantiles as percentiles.
      assertThat(after.value("redis_latency_percentiles_usec_count", "cmd", "lpos"))
          .isEqualTo(after.value("redis_commands_total", "cmd", "lpos"));
      assertThat(after.find("redis_latency_percentiles_usec", "cmd", "lpos", "quantile",
          "99.9")).isPresent();
      assertThat(after.familyOrFail("redis_commands_latencies_usec").type())
          .isEqualTo("histogram");
      assertThat(after.value("redis_commands_latencies_usec_count", "cmd", "lpos"))
          .isEqualTo(after.value("redis_commands_total", "cmd", "lpos"));
      // Every database is there, the empty ones padded with 0.
      assertThat(after.samples("redis_db_keys")).hasSize(16);
      Exposition.Sample instance = after.samples("redis_instance_info").get(0);
      assertThat(instance.labels()).containsEntry("role", "master")
          .containsEntry("tcp_port", redis.address().substring(redis.address().lastIndexOf(':')
              + 1));
      assertThat(instance.labels().get("redis_version")).startsWith("7.");
      assertThat(after.value("redis_scrape_collector_success", "collector", "info"))
          .isEqualTo(1);
      // Redis estimates avg_ttl by sampling in its expire cycle: wait for it, in seconds.
      double avgTtl = 0;
      for (int i = 0; i < 50 && avgTtl == 0; i++) {
        Thread.sleep(100);
        avgTtl = Scrapes.scrape(e, redis.url(), 5).value("redis_db_avg_ttl_seconds", "db",
            "db" + DB_A);
      }
      assertThat(avgTtl).isBetween(1.0, 600.0);
    }
  }

  @Test
  void connectionsAreReusedBetweenScrapesAndNamedRedisExporter() throws Exception {
    try (InProcessExporter e = Scrapes.exporter()) {
      for (int i = 0; i < 3; i++) {
        Scrapes.scrape(e, redis.url(), 5);
      }
      long connections = received();
      for (int i = 0; i < 10; i++) {
        assertThat(Scrapes.scrape(e, redis.url(), 5).value("redis_up")).isEqualTo(1);
      }
      assertThat(received()).isEqualTo(connections);
      assertThat(redis.jedis().clientList()).contains("name=redis_exporter");
    }
  }

  private long received() {
    return Long.parseLong(Info.parse(redis.jedis().info("stats"))
        .get("total_connections_received"));
  }

  private static double delta(Exposition before, Exposition after, String name,
      String... labels) {
    return after.find(name, labels).orElse(0) - before.find(name, labels).orElse(0);
  }
}
