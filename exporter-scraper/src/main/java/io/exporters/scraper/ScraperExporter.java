package io.exporters.scraper;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.backend.Backend;
import io.exporters.common.backend.HttpApi;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.server.ProbeRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** HTTP(S) probes in blackbox_exporter's shape: /probe?target=URL answers probe_* series. */
public final class ScraperExporter implements ExporterDefinition<HttpApi, ScraperSettings> {
  static final CollectorCatalog<HttpApi> COLLECTORS = CollectorCatalog.of(
      CollectorSpec.of("http", "GET the target URL", new HttpProbeCollector()));

  @Override
  public String name() {
    return "blackbox_exporter";
  }

  @Override
  public String namespace() {
    return "probe";
  }

  @Override
  public String description() {
    return "Probes HTTP(S) endpoints, health endpoints and JSON status APIs.";
  }

  @Override
  public CollectorCatalog<HttpApi> collectors() {
    return COLLECTORS;
  }

  @Override
  public ConfigSchema<ScraperSettings> configSchema() {
    return ConfigSchema.builder(ScraperSettings.class, 9115, COLLECTORS)
        .envPrefix("SCRAPER_EXPORTER_")
        .env(EnvSpec.list("SCRAPER_TARGETS", "targets"))
        .validator((settings, tree) -> {
          for (int i = 0; i < settings.targets().size(); i++) {
            String url = settings.targets().get(i);
            try {
              checkUrl(url);
            } catch (IllegalArgumentException e) {
              throw new ConfigException(tree.sourceOf("targets") + ": key 'targets[" + i + "]': "
                  + e.getMessage());
            }
          }
        })
        .build();
  }

  static void checkUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL");
    }
  }

  @Override
  public Backend<HttpApi> backend(LoadedConfig<ScraperSettings> config) {
    // blackbox's http prober follows redirects by default; bodies are read by the prober itself.
    return Backend.shared(HttpApi.shared().with(b -> b.followRedirects(true)));
  }

  @Override
  public List<Target> defaultTargets(LoadedConfig<ScraperSettings> config) {
    List<String> targets = config.settings().targets();
    if (targets.isEmpty()) {
      return List.of();
    }
    return List.of(new Target("configured-targets", "", null, null,
        Map.of(HttpProbeCollector.URLS_OPTION, String.join(",", targets))));
  }

  @Override
  public Target probeTarget(ProbeRequest request, LoadedConfig<ScraperSettings> config) {
    checkUrl(request.target());
    return Target.of(request.target());
  }

  public static void main(String[] args) {
    ExporterApp.main(new ScraperExporter(), args);
  }
}
