package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.redis.SharedRedis;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import org.junit.jupiter.api.Test;

/**
 * --export-client-list's per-client series (the exporter's own connection among them), and the
 * exporter's own series: connect time, ping time, rejected /scrape requests.
 */
class ClientListAndExporterCollectorsTest {
  @Test
  void everyClientIncludingOursIsListed() throws Exception {
    try (SharedRedis redis = new SharedRedis();
        InProcessExporter e = Scrapes.exporter("--export-client-list", "--export-client-port")) {
      Exposition s = Scrapes.scrape(e, redis.url(), 5);
      Exposition.Sample ours = s.samples("redis_connected_client_info").stream()
          .filter(c -> "redis_exporter".equals(c.labels().get("name"))).findFirst()
          .orElseThrow();
      assertThat(ours.labels()).containsKeys("id", "flags", "db", "host", "port");
      assertThat(s.value("redis_connected_client_total_memory_consumed_bytes", "id",
          ours.labels().get("id"))).isPositive();
    }
    try (SharedRedis redis = new SharedRedis();
        InProcessExporter e = Scrapes.exporter("--export-client-list", "--compat=1.45")) {
      assertThat(Scrapes.scrape(e, redis.url(), 5).samples("redis_connected_clients_details"))
          .isNotEmpty().allSatisfy(c -> assertThat(c.labels()).containsKeys("created_at",
              "idle_since", "omem", "cmd", "host"));
    }
  }

  @Test
  void connectAndPingTimesAndRejectedRequests() throws Exception {
    try (SharedRedis redis = new SharedRedis();
        InProcessExporter e = Scrapes.exporter("--ping-on-connect")) {
      Exposition s = Scrapes.scrape(e, redis.url(), 5);
      assertThat(s.value("redis_exporter_last_scrape_connect_time_seconds")).isBetween(0.0, 5.0);
      assertThat(s.value("redis_exporter_last_scrape_ping_time_seconds")).isBetween(0.0, 5.0);
      double rejected = s.value("redis_target_scrape_request_errors_total");
      assertThat(e.get("/scrape?target=ftp://x").status()).isEqualTo(400);
      assertThat(e.get("/scrape?target=" + redis.url() + "&check-keys=dbx=a").status())
          .isEqualTo(400);
      assertThat(Scrapes.scrape(e, redis.url(), 5).value(
          "redis_target_scrape_request_errors_total")).isEqualTo(rejected + 2);
    }
  }
}
