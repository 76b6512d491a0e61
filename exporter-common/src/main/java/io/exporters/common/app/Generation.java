package io.exporters.common.app;

import io.exporters.common.backend.Target;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.config.Redaction;
import io.exporters.common.config.TargetNotAllowedException;
import io.exporters.common.scrape.ScrapePlan;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.server.Endpoint;
import io.exporters.common.server.ProbeRequest;
import io.exporters.common.server.ServedConfig;
import io.exporters.common.webconfig.WebConfig;
import io.exporters.common.webconfig.WebConfigWatcher;
import java.util.List;
import java.util.Map;

/**
 * Everything derived from one load of the configuration: the settings, the web config, the
 * collectors to run (variants and labels chosen), the default targets and the deadlines. Built
 * whole by {@link GenerationBuilder} and swapped whole by {@link Generations}, so a scrape sees
 * exactly one.
 */
record Generation<C, X>(ExporterDefinition<C, X> definition, LoadedConfig<X> config,
    WebConfigWatcher web, ScrapePlan<C> plan, List<Target> defaultTargets,
    ScrapeTimeouts timeouts, Map<String, Endpoint> endpoints) implements ServedConfig<C> {

  @Override
  public Map.Entry<String, String> targetLabel(Target target) {
    return definition.targetLabel(target);
  }

  @Override
  public Target probeTarget(ProbeRequest request) {
    try {
      return definition.probeTarget(request, config).asProbed();
    } catch (TargetNotAllowedException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException(message != null && message.startsWith("unknown ")
          ? message : "invalid target: " + message, e);
    }
  }

  @Override
  public boolean probeShowsScrapeFamilies() {
    return definition.probeShowsScrapeFamilies();
  }

  @Override
  public String namespace() {
    return definition.namespace();
  }

  @Override
  public String effectiveYaml() {
    return Redaction.yaml(config.common(), config.settings(),
        Map.of("web_config", web.current().view()));
  }

  @Override
  public Map<String, AuthModule> authModules() {
    return config.common().authModules();
  }

  @Override
  public WebConfig webConfig() {
    return web.current();
  }
}
