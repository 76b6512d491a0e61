package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.redis.RedisExporter;
import io.exporters.testkit.Backends;
import io.exporters.testkit.Containers;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test kit's third source of backends, for real: PostgreSQL and Redis from Testcontainers,
 * through podman's Docker-compatible service and the stand-in images (what a machine with a
 * container engine and neither local service gets), scraped by the exporters.
 */
class ContainerBackendsTest {
  @Test
  void postgresAndRedisFromTestcontainersAreScraped() throws Exception {
    Backends.Endpoint pg = Containers.postgres();
    Backends.Endpoint redis = Containers.redis();
    assertThat(pg.port()).as("a container's port, not the local service's").isNotEqualTo(5432);
    try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
        Map.of("DATA_SOURCE_NAME", "postgresql://postgres@" + pg.address()
            + "/test?sslmode=disable"))) {
      Exposition m = e.scrape();
      assertThat(m.value("pg_up")).isEqualTo(1);
      assertThat(m.samples("pg_static").get(0).labels().get("short_version")).startsWith("15.");
    }
    try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
        Map.of("REDIS_ADDR", "redis://" + redis.address()))) {
      Exposition m = e.scrape();
      assertThat(m.value("redis_up")).isEqualTo(1);
      assertThat(m.samples("redis_instance_info").get(0).labels().get("redis_version"))
          .startsWith("7.");
    }
  }
}
