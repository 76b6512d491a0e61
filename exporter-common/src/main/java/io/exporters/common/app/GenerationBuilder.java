package io.exporters.common.app;

import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.CollectorConfig;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.config.ScrapeSettings;
import io.exporters.common.scrape.ActiveCollector;
import io.exporters.common.scrape.ScrapePlan;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.webconfig.WebConfig;
import io.exporters.common.webconfig.WebConfigWatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Generation} from a loaded config: reads the web config file, asks the exporter
 * for the generation's collectors and keeps the enabled ones with their TTL, timeout and options.
 * Nothing is shared with the generation before it, so building one can fail without touching
 * the one in force.
 */
final class GenerationBuilder<C, X> {
  private final ExporterDefinition<C, X> definition;
  private final ConnectionSource<C> connections;

  GenerationBuilder(ExporterDefinition<C, X> definition, ConnectionSource<C> connections) {
    this.definition = definition;
    this.connections = connections;
  }

  Generation<C, X> build(LoadedConfig<X> config) throws ConfigException {
    String file = config.common().web().configFile();
    WebConfig web = file == null ? WebConfig.empty() : WebConfig.load(Path.of(file));
    List<CollectorSpec<C>> specs;
    try {
      specs = definition.collectors(config);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    List<ActiveCollector<C>> active = new ArrayList<>();
    for (CollectorSpec<C> spec : specs) {
      CollectorConfig c = config.common().collectors().get(spec.name());
      boolean enabled = c != null && c.enabled() != null ? c.enabled() : spec.enabledByDefault();
      if (enabled) {
        Duration ttl = c != null && c.ttl() != null ? c.ttl() : spec.defaultTtl();
        active.add(new ActiveCollector<>(spec, ttl == null || ttl.isZero() ? null : ttl,
            c == null ? null : c.timeout(), c == null ? Map.of() : c.options()));
      }
    }
    ScrapeSettings s = config.common().scrape();
    return new Generation<>(definition, config,
        new WebConfigWatcher(file == null ? null : Path.of(file), web), new ScrapePlan<>(active),
        List.copyOf(definition.defaultTargets(config)),
        new ScrapeTimeouts(s.timeout(), s.defaultTimeout(), s.timeoutMargin()),
        Map.copyOf(definition.endpoints(config, connections)));
  }
}
