package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.RedisExporter;
import io.exporters.redis.Scrapes;
import io.exporters.redis.SharedRedis;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CONFIG GET as redis_config_*: the values the server has, every setting with
 * --include-config-metrics (passwords left out unless asked), and a renamed CONFIG command.
 */
class ConfigCollectorTest {
  @Test
  void theSharedServersLimitsAsItReportsThem() throws Exception {
    try (SharedRedis redis = new SharedRedis(); InProcessExporter e = Scrapes.exporter()) {
      Map<String, String> config = redis.jedis().configGet("*");
      Exposition scraped = Scrapes.scrape(e, redis.url(), 5);
      assertThat(scraped.value("redis_config_maxclients"))
          .isEqualTo(Double.parseDouble(config.get("maxclients")));
      assertThat(scraped.value("redis_config_maxmemory"))
          .isEqualTo(Double.parseDouble(config.get("maxmemory")));
      assertThat(scraped.value("redis_config_io_threads"))
          .isEqualTo(Double.parseDouble(config.get("io-threads")));
      String[] limits = config.get("client-output-buffer-limit").split(" ");
      assertThat(scraped.value("redis_config_client_output_buffer_limit_bytes", "class",
          limits[4], "limit", "hard")).isEqualTo(Double.parseDouble(limits[5]));
      assertThat(scraped.family("redis_config_key_value")).isEmpty();
    }
  }

  @Test
  void everySettingWhenAskedWithPasswordsLeftOut() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--requirepass", "config-test-pw",
        "--maxmemory", "12345678")) {
      List<String> args = List.of("--redis.addr=" + redis.url(), "--include-config-metrics");
      Map<String, String> env = Map.of("REDIS_PASSWORD", "config-test-pw");
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), args, env)) {
        Exposition scraped = e.scrape();
        assertThat(scraped.value("redis_config_value", "key", "maxmemory")).isEqualTo(12345678);
        assertThat(scraped.value("redis_config_key_value", "key", "maxmemory-policy",
            "value", "noeviction")).isEqualTo(1);
        assertThat(scraped.find("redis_config_key_value", "key", "requirepass")).isEmpty();
        assertThat(e.get("/metrics").text()).doesNotContain("config-test-pw");
      }
      List<String> unredacted = List.of("--redis.addr=" + redis.url(),
          "--include-config-metrics", "--redact-config-metrics=false");
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), unredacted,
          env)) {
        assertThat(e.scrape().find("redis_config_key_value", "key", "requirepass"))
            .isPresent();
      }
    }
  }

  @Test
  void aRenamedConfigCommandIsUsedUnderItsName() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--rename-command", "CONFIG", "MYCONFIG",
        "--maxclients", "321");
        InProcessExporter e = Scrapes.exporter("--config-command=MYCONFIG")) {
      assertThat(Scrapes.scrape(e, redis.url(), 5).value("redis_config_maxclients"))
          .isEqualTo(321);
    }
  }
}
