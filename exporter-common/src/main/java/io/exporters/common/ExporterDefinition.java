package io.exporters.common;

import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.target.Target;
import io.exporters.common.target.TargetConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes one exporter: names, config schema, collectors, how to reach the backend, and which
 * targets /metrics and /probe scrape. {@link ExporterApp} does the rest.
 *
 * @param <C> the connection type (a JDBC connection, a Redis client, an HTTP client...)
 * @param <X> the exporter's own config settings (its top-level YAML keys)
 */
public interface ExporterDefinition<C, X> {
  /** e.g. {@code postgres_exporter}: the landing page title and build_info/reload prefix. */
  String name();

  /** e.g. {@code pg}: the prefix of up, scrape_collector_* and the exporter's scrape counters. */
  String namespace();

  String description();

  CollectorCatalog<C> collectors();

  ConfigSchema<X> configSchema();

  /** Built once at start from the initial config. */
  TargetConnector<C> connector(LoadedConfig<X> config);

  /** What /metrics scrapes; empty serves only the exporter's self-metrics. */
  Optional<Target> defaultTarget(LoadedConfig<X> config);

  /**
   * Every target /metrics scrapes, e.g. each of a comma-separated DATA_SOURCE_NAME. With more
   * than one, their series are told apart by {@link #targetLabel}.
   */
  default List<Target> defaultTargets(LoadedConfig<X> config) {
    return defaultTarget(config).stream().toList();
  }

  /** The label (name, value) that marks a default target's series when there are several. */
  default Map.Entry<String, String> targetLabel(Target target) {
    return Map.entry("target", target.address());
  }

  /**
   * The target of a {@code /probe?target=...} request, with the named auth module's credentials
   * when one was given. Throws IllegalArgumentException (answered as 400 with its message) when
   * the target is not acceptable.
   */
  Target probeTarget(String target, Optional<AuthModule> module, LoadedConfig<X> config);

  /** Collectors the config defines (user queries); run after the catalog's, enabled unless
   * switched off with {@code collectors.<name>: false}. Their names must be reported to config
   * validation through {@link ConfigSchema#extraCollectors()}. */
  default List<CollectorSpec<C>> configuredCollectors(LoadedConfig<X> config) {
    return List.of();
  }

  /** Extra paths that serve /probe, kept from the anchor (redis_exporter's {@code /scrape}). */
  default List<String> probeAliases() {
    return List.of();
  }

  /** Called after start and after each successful reload (e.g. to log what is not configured). */
  default void configured(LoadedConfig<X> config) {}
}
