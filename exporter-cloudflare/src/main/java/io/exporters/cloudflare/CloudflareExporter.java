package io.exporters.cloudflare;

import io.exporters.cloudflare.poll.CloudflareData;
import io.exporters.cloudflare.poll.PollSettings;
import io.exporters.cloudflare.poll.Poller;
import io.exporters.cloudflare.poll.StatusPage;
import io.exporters.cloudflare.settings.CloudflareSettings;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A drop-in for lablabs/cloudflare-exporter on port 9199: a background poller reads the
 * Cloudflare API within its budget and counts each minute once; /metrics serves what it
 * collected. The collectors are in {@link CloudflareCatalog}, the configuration in
 * {@link CloudflareSchema}, the poller in {@link Poller}.
 */
public final class CloudflareExporter
    implements ExporterDefinition<CloudflareData, CloudflareSettings> {
  private final CloudflareData data;
  private final boolean pollOnItsOwn;
  private volatile Poller poller;

  public CloudflareExporter() {
    this(Clock.systemUTC(), true);
  }

  /** With {@code pollOnItsOwn} false, polls run only through {@link #poller()} (tests). */
  CloudflareExporter(Clock clock, boolean pollOnItsOwn) {
    this.data = new CloudflareData(clock);
    this.pollOnItsOwn = pollOnItsOwn;
  }

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
    return "Prometheus exporter for Cloudflare analytics. Data is polled in the background and "
        + "is late by nature: each minute is read once it is scrape_delay old (5 minutes by "
        + "default), then served until the next poll. /status shows how old each dataset is.";
  }

  @Override
  public CollectorCatalog<CloudflareData> collectors() {
    return CloudflareCatalog.of(data, CloudflareCatalog.defaults());
  }

  @Override
  public List<CollectorSpec<CloudflareData>> collectors(
      LoadedConfig<CloudflareSettings> config) {
    return CloudflareCatalog.of(data, config.settings()).all();
  }

  @Override
  public ConfigSchema<CloudflareSettings> configSchema() {
    return CloudflareSchema.of(collectors());
  }

  /** cloudflare_up: whether the latest poll reached the API with its credentials accepted. */
  @Override
  public Backend<CloudflareData> backend(LoadedConfig<CloudflareSettings> config) {
    return Backend.shared(data, (d, target, deadline) -> d.status().checkReachable());
  }

  @Override
  public List<Target> defaultTargets(LoadedConfig<CloudflareSettings> config) {
    CloudflareSettings s = config.settings();
    return s.hasCredentials() ? List.of(Target.of(s.baseUrl())) : List.of();
  }

  @Override
  public Target probeTarget(ProbeRequest request, LoadedConfig<CloudflareSettings> config) {
    throw new IllegalArgumentException(
        "the Cloudflare exporter has no probe targets; scrape /metrics");
  }

  @Override
  public AutoCloseable background(Supplier<LoadedConfig<CloudflareSettings>> current,
      ConnectionSource<CloudflareData> connections) {
    Supplier<PollSettings> settings = () -> settingsOf(current.get());
    poller = pollOnItsOwn
        ? Poller.start(data, settings, () -> current.get().settings().scrapeInterval())
        : Poller.manual(data, settings);
    return poller;
  }

  @Override
  public Map<String, Endpoint> endpoints(LoadedConfig<CloudflareSettings> config,
      ConnectionSource<CloudflareData> connections) {
    PollSettings settings = settingsOf(config);
    return Map.of("/status", Endpoint.listed(() -> StatusPage.summary(data, settings),
        (params, deadline) -> Endpoint.Answer.text(200, StatusPage.render(data, settings))));
  }

  @Override
  public String probeModuleParameter() {
    return null;
  }

  @Override
  public List<String> notes(LoadedConfig<CloudflareSettings> config) {
    return config.settings().hasCredentials() ? List.of()
        : List.of("no Cloudflare credentials (set CF_API_TOKEN, or CF_API_KEY with "
            + "CF_API_EMAIL): serving only the exporter's own metrics until they are given");
  }

  /** The poller, once the exporter runs (tests drive polls through it). */
  Poller poller() {
    return poller;
  }

  CloudflareData data() {
    return data;
  }

  private static PollSettings settingsOf(LoadedConfig<CloudflareSettings> config) {
    return config.settings().hasCredentials() ? PollSettings.of(config) : null;
  }

  public static void main(String[] args) {
    ExporterApp.main(new CloudflareExporter(), args);
  }
}
