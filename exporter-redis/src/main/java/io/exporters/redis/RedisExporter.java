package io.exporters.redis;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.backend.Backend;
import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.server.Endpoint;
import io.exporters.common.server.ProbeRequest;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.RedisConnector;
import io.exporters.redis.collector.ScrapeRequestErrors;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A drop-in for oliver006/redis_exporter: same port, flags, environment, /scrape path and
 * metric names. Collectors are in {@link RedisCatalog}, configuration in {@link RedisSchema},
 * targets and logins in {@link RedisTargets}.
 */
public final class RedisExporter implements ExporterDefinition<RedisConnection, RedisSettings> {
  private static final CollectorCatalog<RedisConnection> CATALOG = RedisCatalog.defaults();

  private final String namespace;

  public RedisExporter() {
    this("redis");
  }

  /** With another {@code --namespace}: fixed for the life of the process. */
  public RedisExporter(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public String name() {
    return namespace + "_exporter";
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public String description() {
    return "Prometheus exporter for Redis metrics.";
  }

  @Override
  public CollectorCatalog<RedisConnection> collectors() {
    return CATALOG;
  }

  @Override
  public ConfigSchema<RedisSettings> configSchema() {
    return RedisSchema.of(CATALOG, namespace);
  }

  @Override
  public List<CollectorSpec<RedisConnection>> collectors(LoadedConfig<RedisSettings> config) {
    return RedisCatalog.of(config.settings(), Clock.systemUTC()).all();
  }

  @Override
  public Backend<RedisConnection> backend(LoadedConfig<RedisSettings> config) {
    return Backend.pooled(new RedisConnector(config.settings().connectSettings()));
  }

  @Override
  public List<Target> defaultTargets(LoadedConfig<RedisSettings> config) {
    return RedisTargets.defaultTarget(config.settings()).map(List::of).orElse(List.of());
  }

  @Override
  public Target probeTarget(ProbeRequest request, LoadedConfig<RedisSettings> config) {
    try {
      return RedisTargets.probe(request, config);
    } catch (IllegalArgumentException e) {
      ScrapeRequestErrors.record();
      throw e;
    }
  }

  @Override
  public Map<String, Endpoint> endpoints(LoadedConfig<RedisSettings> config,
      ConnectionSource<RedisConnection> connections) {
    return Map.of(DiscoveryEndpoint.PATH, Endpoint.listed(
        () -> "the cluster's nodes as Prometheus HTTP service discovery targets (--is-cluster)",
        new DiscoveryEndpoint(config.settings(), connections)),
        // redis_exporter's own health page, beside the core's /-/healthy.
        "/health", (params, deadline) -> Endpoint.Answer.text(200, "ok"));
  }

  @Override
  public List<String> probeAliases() {
    return List.of("/scrape");
  }

  @Override
  public List<String> notes(LoadedConfig<RedisSettings> config) {
    return defaultTargets(config).isEmpty()
        ? List.of("no --redis.addr: /metrics serves only the exporter's own metrics; "
            + "/scrape?target=redis://host:port works")
        : List.of();
  }

  public static void main(String[] args) {
    List<String> normalized = GoStyleArgs.normalize(List.of(args));
    ExporterApp.main(new RedisExporter(GoStyleArgs.namespace(normalized, System.getenv())),
        normalized.toArray(String[]::new));
  }
}
