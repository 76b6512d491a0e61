package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.info.Info;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Managed Redis: commands renamed away or refused to the exporter's user are found out once
 * and then skipped, without an error counted on the server per scrape and without failing the
 * collectors that use them.
 */
class RestrictedCommandsTest {
  private static final int SCRAPES = 5;

  @Test
  void renamedAdminCommandsAreSkippedWithoutAnyErrorOnTheServer() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--rename-command", "CONFIG", "",
        "--rename-command", "LATENCY", "", "--rename-command", "SLOWLOG", "");
        InProcessExporter e = Scrapes.exporter();
        Jedis j = redis.client()) {
      Exposition scraped = null;
      for (int i = 0; i < SCRAPES; i++) {
        scraped = Scrapes.scrape(e, redis.url(), 5);
      }
      assertThat(scraped.names()).noneMatch(n -> n.startsWith("redis_config_"))
          .doesNotContain("redis_slowlog_length");
      for (String collector : List.of("info", "config", "latency", "slowlog")) {
        assertThat(scraped.value("redis_scrape_collector_success", "collector", collector))
            .as(collector).isEqualTo(1);
      }
      // Without CONFIG the database count is Redis' default.
      assertThat(scraped.samples("redis_db_keys")).hasSize(16);
      assertThat(errorReplies(j)).isZero();
    }
  }

  @Test
  void anAclUserWithoutConfigIsRefusedOnceAndTheRestWorks() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--user", "limited", "on", ">limited-pw",
        "~*", "&*", "+@all", "-config");
        Jedis j = redis.client()) {
      Map<String, String> env = Map.of("REDIS_ADDR", redis.url(), "REDIS_USER", "limited",
          "REDIS_PASSWORD", "limited-pw");
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
          env)) {
        Exposition scraped = null;
        for (int i = 0; i < SCRAPES; i++) {
          scraped = e.scrape();
        }
        assertThat(scraped.value("redis_up")).isEqualTo(1);
        assertThat(scraped.value("redis_connected_clients")).isPositive();
        assertThat(scraped.names()).noneMatch(n -> n.startsWith("redis_config_"));
        assertThat(scraped.value("redis_scrape_collector_success", "collector", "config"))
            .isEqualTo(1);
        // One refusal taught the exporter; later scrapes did not ask again.
        assertThat(Info.parse(j.info("errorstats")).get("errorstat_NOPERM"))
            .isEqualTo("count=1");
        assertThat(errorReplies(j)).isEqualTo(1);
      }
    }
  }

  private static long errorReplies(Jedis j) {
    return Long.parseLong(Info.parse(j.info("stats")).get("total_error_replies"));
  }
}
