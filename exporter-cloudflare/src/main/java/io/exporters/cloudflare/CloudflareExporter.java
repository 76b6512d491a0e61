package io.exporters.cloudflare;

import io.exporters.common.ExporterApp;
import io.exporters.common.ExporterDefinition;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.target.Target;
import io.exporters.common.target.TargetConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

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
    return new ConfigSchema<>(CloudflareSettings.class, 9199, "CF_EXPORTER_", null, List.of(),
        List.of(EnvSpec.secret("CF_API_TOKEN", "api_token"),
            EnvSpec.string("CF_API_URL", "api_url")),
        null, COLLECTORS, null);
  }

  @Override
  public TargetConnector<CloudflareApi> connector(LoadedConfig<CloudflareSettings> config) {
    return new CloudflareConnector();
  }

  @Override
  public Optional<Target> defaultTarget(LoadedConfig<CloudflareSettings> config) {
    CloudflareSettings s = config.settings();
    if (s.apiToken() == null || s.apiToken().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Target(s.apiUrlOrDefault(), "", null, s.apiToken(), Map.of()));
  }

  @Override
  public Target probeTarget(String target, Optional<AuthModule> module,
      LoadedConfig<CloudflareSettings> config) {
    throw new IllegalArgumentException(
        "the Cloudflare exporter has no probe targets; scrape /metrics");
  }

  @Override
  public void configured(LoadedConfig<CloudflareSettings> config) {
    if (defaultTarget(config).isEmpty()) {
      LoggerFactory.getLogger(CloudflareExporter.class).atWarn().log(
          "no Cloudflare API token (set CF_API_TOKEN or api_token): serving only the exporter's "
              + "own metrics until one is given");
    }
  }

  public static void main(String[] args) {
    ExporterApp.main(new CloudflareExporter(), args);
  }
}
