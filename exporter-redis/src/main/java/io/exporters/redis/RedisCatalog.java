package io.exporters.redis;

import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.collector.ClientListCollector;
import io.exporters.redis.collector.ClusterCollector;
import io.exporters.redis.collector.ClusterNodes;
import io.exporters.redis.collector.ConfigCollector;
import io.exporters.redis.collector.EachNode;
import io.exporters.redis.collector.ExporterCollector;
import io.exporters.redis.collector.InfoCollector;
import io.exporters.redis.collector.KeyChecksCollector;
import io.exporters.redis.collector.KeyCountsCollector;
import io.exporters.redis.collector.LatencyCollector;
import io.exporters.redis.collector.ScriptCollector;
import io.exporters.redis.collector.SentinelCollector;
import io.exporters.redis.collector.SlowlogCollector;
import io.exporters.redis.collector.StreamsCollector;
import io.exporters.redis.keys.KeyScanner;
import io.exporters.redis.keys.ScanCache;
import io.exporters.redis.settings.Compat;
import io.exporters.redis.settings.KeyPattern;
import io.exporters.redis.settings.Names;
import io.exporters.redis.settings.Output;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one registry of redis collectors: every name, its default and the class that exports it,
 * built for one configuration generation. The key, count and stream checks are on by default
 * because a /scrape request may ask for them; without patterns they send nothing.
 */
final class RedisCatalog {
  static final int DEFAULT_BATCH_SIZE = 1000;
  static final int DEFAULT_KEY_LIMIT = 1000;
  static final Duration DEFAULT_SCAN_TTL = Duration.ofSeconds(60);
  /** SCAN progress of every generation: a reload does not restart long scans. */
  private static final ScanCache SCANS = new ScanCache();

  private RedisCatalog() {}

  /** Names, defaults and descriptions: validation and --help. */
  static CollectorCatalog<RedisConnection> defaults() {
    return of(RedisSettings.defaults(), Clock.systemUTC());
  }

  static CollectorCatalog<RedisConnection> of(RedisSettings s, Clock clock) {
    Output out = new Output(new Names(s.namespace() == null ? "redis" : s.namespace()),
        Compat.parse(s.compat()));
    KeyScanner scanner = new KeyScanner(SCANS,
        s.checkKeysBatchSize() == null ? DEFAULT_BATCH_SIZE : s.checkKeysBatchSize(),
        s.checkKeysLimit() == null ? DEFAULT_KEY_LIMIT : s.checkKeysLimit(),
        s.checkKeysScanTtl() == null ? DEFAULT_SCAN_TTL : s.checkKeysScanTtl());
    boolean histograms = !RedisSettings.on(s.excludeLatencyHistogramMetrics())
        && out.compat() == Compat.CURRENT;
    CollectorSpec<RedisConnection> clientList = CollectorSpec.of("client_list",
        "one series per client connection (CLIENT LIST)",
        new ClientListCollector(out, RedisSettings.on(s.exportClientPort()), clock));
    CollectorSpec<RedisConnection> scripts = CollectorSpec.of("script",
        "values returned by the --script Lua scripts",
        new ScriptCollector(out, s.scripts(), RedisSettings.on(s.luaScriptReadOnly())));
    CollectorCatalog<RedisConnection> catalog = CollectorCatalog.of(
        CollectorSpec.of("info", "everything INFO ALL says, and LATENCY HISTOGRAM",
            new InfoCollector(out, new InfoCollector.Options(
                RedisSettings.on(s.includeSystemMetrics()),
                RedisSettings.onUnlessOff(s.includeMetricsForEmptyDatabases()), histograms),
                clock)),
        CollectorSpec.of("config", "CONFIG GET: maxmemory, maxclients, io-threads, buffer "
            + "limits", new ConfigCollector(out, s.configCommandOrDefault(),
            RedisSettings.on(s.includeConfigMetrics()),
            RedisSettings.onUnlessOff(s.redactConfigMetrics()))),
        CollectorSpec.of("latency", "LATENCY LATEST: latency spikes", new LatencyCollector(out)),
        CollectorSpec.of("slowlog", "SLOWLOG: length and newest entry", new SlowlogCollector(out)),
        CollectorSpec.of("cluster", "CLUSTER INFO of cluster nodes", new ClusterCollector(out)),
        CollectorSpec.of("sentinel", "SENTINEL MASTERS and their Sentinels and replicas",
            new SentinelCollector(out, RedisSettings.on(s.includeConfigMetrics()))),
        CollectorSpec.of("key_checks", "--check-keys / --check-single-keys: key sizes and "
            + "values", new KeyChecksCollector(out, new KeyChecksCollector.Options(
            patterns(s.checkKeys()), patterns(s.checkSingleKeys()),
            !RedisSettings.on(s.disableExportingKeyValues()),
            RedisSettings.on(s.skipCheckkeysForRoleMaster())), scanner)),
        CollectorSpec.of("key_counts", "--count-keys: keys per pattern",
            new KeyCountsCollector(out, patterns(s.countKeys()), scanner)),
        CollectorSpec.of("streams", "--check-streams / --check-single-streams: stream, group "
            + "and consumer state", new StreamsCollector(out, patterns(s.checkStreams()),
            patterns(s.checkSingleStreams()),
            !RedisSettings.on(s.streamsExcludeConsumerMetrics()), scanner)),
        s.scripts().isEmpty() ? scripts.disabledByDefault() : scripts,
        RedisSettings.on(s.exportClientList()) ? clientList : clientList.disabledByDefault(),
        CollectorSpec.of("exporter", "connect and ping time, rejected /scrape requests",
            new ExporterCollector(out, RedisSettings.on(s.pingOnConnect()))));
    return RedisSettings.on(s.clusterAllNodes()) ? everyNode(catalog, s, out) : catalog;
  }

  /** --cluster-all-nodes: every collector but the exporter's own runs on each node. */
  private static CollectorCatalog<RedisConnection> everyNode(
      CollectorCatalog<RedisConnection> catalog, RedisSettings s, Output out) {
    Optional<Target> seed = RedisTargets.defaultTarget(s);
    if (seed.isEmpty()) {
      return catalog;
    }
    ClusterNodes nodes = new ClusterNodes(RedisSettings.on(s.clusterDiscoverHostnames()));
    CollectorCatalog<RedisConnection> wrapped = new CollectorCatalog<>();
    for (CollectorSpec<RedisConnection> spec : catalog.all()) {
      if (spec.name().equals("exporter")) {
        wrapped.add(spec);
        continue;
      }
      EachNode each = new EachNode(seed.get(), nodes, spec.collector(),
          spec.name().equals("info") ? out.name("up") : null);
      wrapped.add(new CollectorSpec<>(spec.name(), spec.description() + ", on every node",
          spec.enabledByDefault(), spec.defaultTtl(), spec.minVersion(), spec.maxVersion(),
          spec.options(), each));
    }
    return wrapped;
  }

  private static List<KeyPattern> patterns(String value) {
    return KeyPattern.parseList(value);
  }
}
