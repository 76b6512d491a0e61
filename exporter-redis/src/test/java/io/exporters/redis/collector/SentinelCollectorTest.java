package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.redis.info.Info;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A private Sentinel watching a private master: the Sentinel's INFO section and its view of
 * the master, and none of the commands a Sentinel does not have (no errors there).
 */
class SentinelCollectorTest {
  @Test
  void aSentinelsViewOfItsMaster() throws Exception {
    try (PrivateRedis master = PrivateRedis.start();
        PrivateRedis sentinel = PrivateRedis.sentinel(master);
        InProcessExporter e = Scrapes.exporter("--include-config-metrics");
        Jedis s = sentinel.client()) {
      String address = "127.0.0.1:" + master.port();
      Exposition scraped = Scrapes.scrape(e, sentinel.url(), 5);
      for (int i = 0; i < 50 && scraped.find("redis_sentinel_master_status", "master_status",
          "ok").isEmpty(); i++) {
        Thread.sleep(100);
        scraped = Scrapes.scrape(e, sentinel.url(), 5);
      }
      assertThat(scraped.value("redis_sentinel_masters")).isEqualTo(1);
      assertThat(scraped.value("redis_sentinel_tilt")).isZero();
      assertThat(scraped.value("redis_sentinel_master_status", "master_name", "mymaster",
          "master_address", address, "master_status", "ok")).isEqualTo(1);
      assertThat(scraped.value("redis_sentinel_master_sentinels", "master_name", "mymaster"))
          .isEqualTo(1);
      assertThat(scraped.value("redis_sentinel_master_ok_sentinels", "master_name", "mymaster",
          "master_address", address)).isEqualTo(1);
      assertThat(scraped.value("redis_sentinel_master_ok_slaves", "master_name", "mymaster"))
          .isZero();
      assertThat(scraped.value("redis_sentinel_master_setting_ckquorum", "master_name",
          "mymaster")).isEqualTo(1);
      assertThat(scraped.value("redis_sentinel_master_setting_down_after_milliseconds",
          "master_name", "mymaster")).isEqualTo(5000);
      assertThat(scraped.value("redis_sentinel_master_ckquorum_status", "master_name",
          "mymaster")).isEqualTo(1);
      assertThat(scraped.find("redis_sentinel_config_key_value", "key", "resolve-hostnames"))
          .isPresent();
      assertThat(scraped.samples("redis_instance_info").get(0).labels())
          .containsEntry("redis_mode", "sentinel");
      assertThat(scraped.family("redis_db_keys")).isEmpty();
      for (String collector : List.of("info", "config", "latency", "slowlog", "sentinel")) {
        assertThat(scraped.value("redis_scrape_collector_success", "collector", collector))
            .as(collector).isEqualTo(1);
      }
      assertThat(Info.parse(s.info("stats")).get("total_error_replies")).isEqualTo("0");
    }
  }
}
