package io.exporters.common.app;

import io.exporters.common.backend.Target;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.config.Redaction;
import io.exporters.common.scrape.ScrapePlan;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.server.ServedConfig;
import io.exporters.common.webconfig.WebConfig;
import io.exporters.common.webconfig.WebConfigWatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything derived from one load of the configuration: the settings, the web config, the
 * collectors to run (variants and labels chosen), the default targets and the deadlines. Built
 * whole by {@link GenerationBuilder} and swapped whole by {@link Generations}, so a scrape sees
 * exactly one.
 */
record Generation<C, X>(ExporterDefinition<C, X> definition, LoadedConfig<X> config,
    WebConfigWatcher web, ScrapePlan<C> plan, List<Target> defaultTargets,
    ScrapeTimeouts timeouts) implements ServedConfig<C> {

  @Override
  public Map.Entry<String, String> targetLabel(Target target) {
    return definition.targetLabel(target);
  }

  @Override
  public Target probeTarget(String target, String moduleName) {
    Optional<AuthModule> module = Optional.empty();
    if (moduleName != null && !moduleName.isEmpty()) {
      Map<String, AuthModule> known = config.common().authModules();
      module = Optional.ofNullable(known.get(moduleName));
      if (module.isEmpty()) {
        throw new IllegalArgumentException("unknown auth_module '" + moduleName + "'"
            + (known.isEmpty() ? " (none configured)"
                : " (configured: " + String.join(", ", new TreeSet<>(known.keySet())) + ")"));
      }
    }
    try {
      return definition.probeTarget(target, module, config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid target: " + e.getMessage(), e);
    }
  }

  @Override
  public String effectiveYaml() {
    return Redaction.yaml(config.common(), config.settings(),
        Map.of("web_config", web.current().view()));
  }

  @Override
  public WebConfig webConfig() {
    return web.current();
  }
}
