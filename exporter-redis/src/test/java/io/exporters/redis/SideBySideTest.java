package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * Debian's prometheus-redis-exporter (1.45) and ours, with the same flags, scrape the same
 * private master and replica: every family the anchor exposes (but go_*, process_* and
 * promhttp_*) is served by ours with the same type and label names, except the ones the README
 * lists, which are listed here with the reason, and must still differ.
 */
class SideBySideTest {
  /** The README's list, for --compat=1.45 (and /metrics). */
  static final Map<String, String> LISTED = Map.of(
      "redis_exporter_build_info", "the core's build info: version, revision, javaversion",
      "redis_exporter_last_scrape_error", "no err label: error texts are unbounded label "
          + "values; the error is logged and redis_scrape_collector_success says which failed",
      "redis_exporter_scrape_duration_seconds", "the core keeps "
          + "redis_exporter_last_scrape_duration_seconds and per-collector durations",
      "redis_last_key_groups_scrape_duration_milliseconds", "--check-key-groups is refused");
  /** The current generation's changes over 1.45 (the default without --compat). */
  static final Map<String, String> CURRENT = Map.of(
      "redis_expired_time_cap_reached_total", "a counter since 1.46",
      "redis_instance_info", "master_replid label, as current redis_exporter",
      "redis_script_values", "filename label, as current redis_exporter",
      "redis_connected_clients_details", "renamed redis_connected_client_info");

  @TempDir
  Path dir;

  @Test
  void everyFamilyOfTheAnchorIsServedAlike() throws Exception {
    try (PrivateRedis master = PrivateRedis.start();
        PrivateRedis replica = PrivateRedis.start("--replicaof", "127.0.0.1",
            Integer.toString(master.port()))) {
      List<String> flags = populate(master, replica);
      try (ExporterProcess anchor = anchor(flags);
          InProcessExporter compat = exporter(flags, "--compat=1.45");
          InProcessExporter current = exporter(flags)) {
        // The anchor counts on a previous scrape for some series (errorstats of its own).
        anchor.scrape("/metrics");
        Map<String, FamilyShapes.Shape> theirs = FamilyShapes.of(anchor.scrape("/metrics"));
        assertThat(theirs).containsKeys("redis_key_size", "redis_stream_length",
            "redis_script_values", "redis_connected_slave_offset_bytes",
            "redis_latency_percentiles_usec", "redis_errors_total", "redis_keys_count",
            "redis_connected_clients_details", "redis_total_system_memory_bytes");
        assertThat(differences(theirs, compat.scrape())).isEqualTo(LISTED.keySet());
        Map<String, String> both = new TreeMap<>(LISTED);
        both.putAll(CURRENT);
        assertThat(differences(theirs, current.scrape())).isEqualTo(both.keySet());

        // The replica through /scrape: the target's series (the exporter's own are on /metrics).
        String scrape = "/scrape?target=" + replica.url();
        Map<String, FamilyShapes.Shape> theirReplica = FamilyShapes.of(anchor.scrape(scrape));
        theirReplica.keySet().removeIf(n -> n.startsWith("redis_exporter_"));
        assertThat(theirReplica).containsKeys("redis_master_link_up", "redis_slave_info",
            "redis_slave_repl_offset", "redis_master_last_io_seconds_ago");
        Map<String, FamilyShapes.Shape> ourReplica = FamilyShapes.of(compat.get(scrape)
            .exposition());
        assertThat(FamilyShapes.differences(theirReplica, ourReplica).keySet())
            .isSubsetOf(LISTED.keySet());
      }
    }
  }

  private static Set<String> differences(Map<String, FamilyShapes.Shape> theirs,
      Exposition ours) {
    return FamilyShapes.differences(theirs, FamilyShapes.of(ours)).keySet();
  }

  private InProcessExporter exporter(List<String> flags, String... more) throws Exception {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of(more));
    return InProcessExporter.start(new RedisExporter(), all, Map.of());
  }

  /** Keys of every type, a stream in use, an error, a script; the flags that show them. */
  private List<String> populate(PrivateRedis master, PrivateRedis replica) throws Exception {
    try (Jedis j = master.client()) {
      j.set("counter", "42");
      j.set("greeting", "hello");
      j.pfadd("hll", "a", "b");
      j.rpush("list", "a", "b");
      j.hset("hash", Map.of("f", "v"));
      j.set("expiring", "x", SetParams.setParams().ex(900));
      j.select(3);
      j.set("elsewhere", "1");
      j.select(0);
      j.xadd("stream", XAddParams.xAddParams(), Map.of("f", "v"));
      j.xgroupCreate("stream", "g1", new StreamEntryID(0, 0), false);
      j.xreadGroup("g1", "c1", XReadGroupParams.xReadGroupParams().count(1),
          Map.of("stream", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
      try {
        j.eval("return redis.error_reply('ERR provoked')", 0);
      } catch (RuntimeException expected) {
        // The error reply the test wanted on the server.
      }
      j.waitReplicas(1, 5000);
    }
    try (Jedis r = replica.client()) {
      for (int i = 0; i < 100 && !r.info("replication").contains("master_link_status:up");
          i++) {
        Thread.sleep(100);
      }
    }
    Path script = dir.resolve("collect.lua");
    Files.writeString(script, "return {'a', '1', 'b', '2.5'}");
    return List.of("--redis.addr=" + master.url(), "--check-keys=h*,l*",
        "--check-single-keys=counter,greeting,missing", "--check-streams=str*",
        "--count-keys=*", "--script=" + script, "--include-system-metrics",
        "--export-client-list");
  }

  /**
   * Debian's prometheus-redis-exporter (redis_exporter 1.45, the anchor) beside ours;
   * .ci/services installs it without starting its service.
   */
  private ExporterProcess anchor(List<String> flags) throws Exception {
    Path binary = Path.of("/usr/bin/prometheus-redis-exporter");
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(binary + " is missing: apt-get install prometheus-redis-exporter "
          + "(.ci/services does)");
    }
    return ExporterProcess.ofCommand(List.of(binary.toString())).args(flags)
        .log(dir.resolve("anchor.log")).start();
  }
}
