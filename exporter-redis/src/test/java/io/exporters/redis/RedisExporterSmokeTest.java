package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Backends;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exporter end to end against the real local Redis: up, /scrape alias, unreachable, its
 * pages on the landing page.
 */
class RedisExporterSmokeTest {
  private final Backends.Endpoint redis = Backends.redis();

  @Test
  void upWithARealServerAndDownWithAClosedPort() throws Exception {
    try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
        Map.of("REDIS_ADDR", "redis://" + redis.address()))) {
      Exposition metrics = e.scrape();
      assertThat(metrics.value("redis_up")).isEqualTo(1);
      assertThat(metrics.value("redis_scrape_collector_success", "collector", "info"))
          .isEqualTo(1);
      assertThat(e.get("/scrape?target=" + redis.address()).exposition().value("redis_up"))
          .isEqualTo(1);
      InProcessExporter.Response down = e.get("/scrape?target=redis://127.0.0.1:"
          + Backends.freePort(), "X-Prometheus-Scrape-Timeout-Seconds", "3");
      assertThat(down.status()).isEqualTo(200);
      assertThat(down.exposition().value("redis_up")).isEqualTo(0);
      assertThat(e.get("/scrape?target=http://x").status()).isEqualTo(400);
      assertThat(e.get("/health").text()).isEqualTo("ok");
      assertThat(e.get("/").text()).contains("href=\"discover-cluster-nodes\"",
          "name=\"auth_module\"").doesNotContain("href=\"health\"");
    }
  }

  @Test
  void anotherNamespaceNamesEverythingAndTheExporterItself() throws Exception {
    List<String> args = GoStyleArgs.normalize(List.of("-namespace=cache"));
    try (InProcessExporter e = InProcessExporter.start(
        new RedisExporter(GoStyleArgs.namespace(args, Map.of())), args,
        Map.of("REDIS_ADDR", "redis://" + redis.address()))) {
      Exposition metrics = e.scrape();
      assertThat(metrics.value("cache_up")).isEqualTo(1);
      assertThat(metrics.names()).contains("cache_exporter_build_info", "cache_db_keys",
          "cache_scrape_collector_success").noneMatch(n -> n.startsWith("redis_"));
    }
  }
}
