package io.exporters.common.app;

import io.exporters.common.backend.Backend;
import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.server.Endpoint;
import io.exporters.common.server.ProbeRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What makes one exporter: names, config schema, collectors, how to reach the backend, and which
 * targets /metrics and /probe scrape. {@link ExporterApp} does the rest. Everything a method
 * derives from a {@link LoadedConfig} must come from that config alone: the core builds one
 * generation per load and swaps it whole, so an exporter keeps no state of its own across loads.
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

  /** Every collector name with its default, options and version range (validation, --help). */
  CollectorCatalog<C> collectors();

  ConfigSchema<X> configSchema();

  /** How scrapes reach the backend; built once at start from the initial config. */
  Backend<C> backend(LoadedConfig<X> config);

  /**
   * Every target /metrics scrapes, e.g. each of a comma-separated DATA_SOURCE_NAME; empty serves
   * only the exporter's own metrics. With more than one, their series are told apart by
   * {@link #targetLabel}.
   */
  List<Target> defaultTargets(LoadedConfig<X> config);

  /** The label (name, value) that marks a default target's series when there are several. */
  default Map.Entry<String, String> targetLabel(Target target) {
    return Map.entry("target", target.address());
  }

  /**
   * The target of a {@code /probe?target=...} request; {@link ProbeRequest#authModule} resolves
   * the credentials module it names. Throws IllegalArgumentException (answered as 400 with its
   * message) when the request is not acceptable; the message must not quote a credential.
   */
  Target probeTarget(ProbeRequest request, LoadedConfig<X> config);

  /**
   * Whether a {@code /probe} answer carries {@code <ns>_up} and {@code <ns>_scrape_collector_*}
   * beside the target's series (true); a prober answering as blackbox does says false.
   */
  default boolean probeShowsScrapeFamilies() {
    return true;
  }

  /**
   * Pages of the exporter's own beside the core's, by path, for this generation; the set of
   * paths is taken from the first generation.
   */
  default Map<String, Endpoint> endpoints(LoadedConfig<X> config,
      ConnectionSource<C> connections) {
    return Map.of();
  }

  /**
   * Work that runs between scrapes for the life of the process (polling a rate-limited API),
   * reading the generation in force from {@code current}; closed when the exporter stops.
   */
  default AutoCloseable background(Supplier<LoadedConfig<X>> current,
      ConnectionSource<C> connections) {
    return () -> { };
  }

  /**
   * The collectors of the generation this config makes: the catalog's, built with what the
   * config chooses (a compatibility variant, constant labels), plus those the config defines
   * (user queries). Those that config switches on run, by their name.
   */
  default List<CollectorSpec<C>> collectors(LoadedConfig<X> config) {
    return collectors().all();
  }

  /** Extra paths that serve /probe, kept from the anchor (redis_exporter's {@code /scrape}). */
  default List<String> probeAliases() {
    return List.of();
  }

  /**
   * The {@code /probe} parameter that names a module, for the landing page's probe form
   * ({@code auth_module} as postgres_exporter; blackbox says {@code module}); null when the
   * exporter has no probe targets, which leaves the form and the link off.
   */
  default String probeModuleParameter() {
    return "auth_module";
  }

  /** Lines to log once a config is in force, e.g. what is missing from it. */
  default List<String> notes(LoadedConfig<X> config) {
    return List.of();
  }
}
