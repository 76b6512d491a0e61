package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import io.exporters.testkit.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

/**
 * promtool check metrics on everything the exporter can serve: it must parse, and every lint
 * finding must be about a name redis_exporter gave a family (kept because dashboards and
 * alerts query it so), never about one of ours.
 */
class PromtoolLintTest {
  /** redis_exporter's names that break promtool's naming rules, on purpose kept. */
  static final Set<String> INHERITED = Set.of("redis_unexpected_error_replies",
      "redis_total_writes_processed", "redis_total_reads_processed",
      "redis_total_error_replies", "redis_io_threaded_writes_processed",
      "redis_io_threaded_reads_processed", "redis_dump_payload_sanitizations",
      "redis_rdb_saves_total", "redis_migrate_cached_sockets_total",
      "redis_memory_used_vm_total", "redis_keys_count", "redis_rdb_last_bgsave_duration_sec",
      "redis_rdb_current_bgsave_duration_sec", "redis_aof_last_rewrite_duration_sec",
      "redis_aof_current_rewrite_duration_sec", "redis_expire_cycle_cpu_time_ms_total",
      "redis_eviction_exceeded_time_ms_total", "redis_current_eviction_exceeded_time_ms",
      "redis_connected_client_channel_subscriptions_count",
      "redis_connected_client_pattern_matching_subscriptions_count",
      "redis_connected_client_shard_channel_subscriptions_count",
      "redis_expired_time_cap_reached_total");

  @TempDir
  Path dir;

  @Test
  void everythingParsesAndOnlyInheritedNamesAreLinted() throws Exception {
    Path script = dir.resolve("collect.lua");
    Files.writeString(script, "return {'a', '1'}");
    try (PrivateRedis redis = PrivateRedis.start("--slowlog-log-slower-than", "0");
        Jedis j = redis.client()) {
      j.set("k1", "1");
      j.set("k2", "text");
      j.rpush("l1", "a");
      j.xadd("s1", XAddParams.xAddParams(), Map.of("f", "v"));
      for (String compat : List.of("current", "1.45")) {
        try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(
            "--redis.addr=" + redis.url(), "--check-keys=k*,l*", "--count-keys=*",
            "--check-streams=s*", "--script=" + script, "--include-system-metrics",
            "--export-client-list", "--include-config-metrics", "--ping-on-connect",
            "--compat=" + compat), Map.of())) {
          e.scrape();
          List<String> findings = Promtool.lint(e.get("/metrics").text());
          assertThat(findings).as(compat).allSatisfy(f ->
              assertThat(INHERITED).contains(f.substring(0, f.indexOf(' '))));
          assertThat(Promtool.lint(e.get("/scrape?target=" + redis.url()).text()))
              .allSatisfy(f -> assertThat(INHERITED).contains(f.substring(0, f.indexOf(' '))));
        }
      }
    }
  }
}
