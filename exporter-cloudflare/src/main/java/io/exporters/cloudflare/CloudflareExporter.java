package io.exporters.cloudflare;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.backend.Backend;
import io.exporters.common.backend.HttpApi;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.server.ProbeRequest;
import java.util.List;
import java.util.Map;

/** Cloudflare analytics; without a token it serves only its own metrics and says so once. */
public final class CloudflareExporter
    implements ExporterDefinition<CloudflareApi, CloudflareSettings> {
  static final CollectorCatalog<CloudflareApi> COLLECTORS = new CollectorCatalog<>();

  @Override
  public String name() {
    return "cloudflare_exporter";
  }

  @Override
  public String namespace() {
    return "cloudflare";
  }

  @Override
  public String description() {
    return "Prometheus exporter for Cloudflare analytics and API state.";
  }

  @Override
  public CollectorCatalog<CloudflareApi> collectors() {
    return COLLECTORS;
  }

  @Override
  public ConfigSchema<CloudflareSettings> configSchema() {
    return ConfigSchema.builder(CloudflareSettings.class, 9199, COLLECTORS)
        .envPrefix("CF_EXPORTER_")
        .env(EnvSpec.secret("CF_API_TOKEN", "api_token"), EnvSpec.string("CF_API_URL", "api_url"))
        .build();
  }

  @Override
  public Backend<CloudflareApi> backend(LoadedConfig<CloudflareSettings> config) {
    CloudflareApi api = new CloudflareApi(HttpApi.shared());
    return Backend.shared(api, CloudflareApi::verifyToken);
  }

  @Override
  public List<Target> defaultTargets(LoadedConfig<CloudflareSettings> config) {
    CloudflareSettings s = config.settings();
    if (s.apiToken() == null || s.apiToken().isEmpty()) {
      return List.of();
    }
    return List.of(new Target(s.apiUrlOrDefault(), "", null, s.apiToken(), Map.of()));
  }

  @Override
  public Target probeTarget(ProbeRequest request, LoadedConfig<CloudflareSettings> config) {
    throw new IllegalArgumentException(
        "the Cloudflare exporter has no probe targets; scrape /metrics");
  }

  @Override
  public List<String> notes(LoadedConfig<CloudflareSettings> config) {
    return defaultTargets(config).isEmpty()
        ? List.of("no Cloudflare API token (set CF_API_TOKEN or api_token): serving only the "
            + "exporter's own metrics until one is given")
        : List.of();
  }

  public static void main(String[] args) {
    ExporterApp.main(new CloudflareExporter(), args);
  }
}
