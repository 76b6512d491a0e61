package io.exporters.scraper;

import io.exporters.common.ExporterApp;
import io.exporters.common.ExporterDefinition;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.scrape.Deadline;
import io.exporters.common.target.Target;
import io.exporters.common.target.TargetConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP(S) probes in blackbox_exporter's shape: /probe?target=URL answers probe_* series. */
public final class ScraperExporter implements ExporterDefinition<HttpClient, ScraperSettings> {
  static final CollectorCatalog<HttpClient> COLLECTORS = CollectorCatalog.of(
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
  public CollectorCatalog<HttpClient> collectors() {
    return COLLECTORS;
  }

  @Override
  public ConfigSchema<ScraperSettings> configSchema() {
    return new ConfigSchema<>(ScraperSettings.class, 9115, "SCRAPER_EXPORTER_", null, List.of(),
        List.of(EnvSpec.list("SCRAPER_TARGETS", "targets")), null, COLLECTORS,
        (settings, tree) -> {
          for (int i = 0; i < settings.targets().size(); i++) {
            String url = settings.targets().get(i);
            try {
              checkUrl(url);
            } catch (IllegalArgumentException e) {
              throw new ConfigException(tree.sourceOf("targets") + ": key 'targets[" + i + "]': "
                  + e.getMessage());
            }
          }
        });
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
  public TargetConnector<HttpClient> connector(LoadedConfig<ScraperSettings> config) {
    HttpClient shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    return new TargetConnector<>() {
      @Override
      public HttpClient connect(Target target, Deadline deadline) {
        return shared;
      }

      @Override
      public boolean isHealthy(HttpClient client, Deadline deadline) {
        return true;
      }

      @Override
      public void close(HttpClient client) {
        // Shared across targets; lives as long as the process.
      }
    };
  }

  @Override
  public Optional<Target> defaultTarget(LoadedConfig<ScraperSettings> config) {
    List<String> targets = config.settings().targets();
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Target("configured-targets", "", null, null,
        Map.of(HttpProbeCollector.URLS_OPTION, String.join(",", targets))));
  }

  @Override
  public Target probeTarget(String target, Optional<AuthModule> module,
      LoadedConfig<ScraperSettings> config) {
    checkUrl(target);
    return Target.of(target);
  }

  public static void main(String[] args) {
    ExporterApp.main(new ScraperExporter(), args);
  }
}
