package io.exporters.scraper;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.backend.Backend;
import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.HttpApi;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.config.Redaction;
import io.exporters.common.secret.SecretMasker;
import io.exporters.common.server.Endpoint;
import io.exporters.common.server.ProbeRequest;
import io.exporters.scraper.collector.HistoryPages;
import io.exporters.scraper.collector.ProbeCollector;
import io.exporters.scraper.collector.ProbeHistory;
import io.exporters.scraper.collector.ProbeTargets;
import io.exporters.scraper.config.ProbeSettings;
import io.exporters.scraper.modules.ModuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A drop-in for blackbox_exporter's http and tcp probers plus json_exporter, with health
 * endpoints understood natively: port 9115, /probe?target=&module=, blackbox's modules and
 * series. Configuration in {@link ScraperSchema}, targets in {@link ProbeTargetRequests}.
 */
public final class ScraperExporter implements ExporterDefinition<HttpApi, ScraperSettings> {
  static final String COLLECTOR = "probe";
  // The catalog names the collector for --help and validation; each configuration builds it.
  private static final CollectorCatalog<HttpApi> CATALOG = CollectorCatalog.of(CollectorSpec.of(
      COLLECTOR, "Probe each target with its module (http or tcp, health and JSON bodies)",
      (ctx, sink) -> {
        throw new IllegalStateException("the probe collector is built per configuration");
      }));

  private final ProbeHistory history = new ProbeHistory(ProbeSettings.DEFAULT_HISTORY_LIMIT);
  private final ProbeThreads threads = new ProbeThreads();

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
    return "Probes HTTP(S) and TCP endpoints as blackbox_exporter does, and reads health "
        + "endpoints and JSON status APIs into series.";
  }

  @Override
  public CollectorCatalog<HttpApi> collectors() {
    return CATALOG;
  }

  @Override
  public ConfigSchema<ScraperSettings> configSchema() {
    return ScraperSchema.of(CATALOG);
  }

  @Override
  public List<CollectorSpec<HttpApi>> collectors(LoadedConfig<ScraperSettings> config) {
    ModuleSet set = config.settings().compiled();
    history.limit(set.settings().historyLimit());
    return List.of(CollectorSpec.of(COLLECTOR, CATALOG.get(COLLECTOR).orElseThrow()
        .description(), new ProbeCollector(set, history, threads.executor())));
  }

  @Override
  public Backend<HttpApi> backend(LoadedConfig<ScraperSettings> config) {
    // Modules derive their clients from the core's; the backend itself needs no pool.
    return Backend.shared(HttpApi.shared());
  }

  /** One target standing for every static target: probed together, at bounded concurrency. */
  @Override
  public List<Target> defaultTargets(LoadedConfig<ScraperSettings> config) {
    int n = config.settings().compiled().staticProbes().size();
    return n == 0 ? List.of() : List.of(ProbeTargets.allStatic(n));
  }

  @Override
  public Target probeTarget(ProbeRequest request, LoadedConfig<ScraperSettings> config) {
    return ProbeTargetRequests.target(request, config.settings().compiled());
  }

  @Override
  public boolean probeShowsScrapeFamilies() {
    return false;
  }

  @Override
  public Map<String, Endpoint> endpoints(LoadedConfig<ScraperSettings> config,
      ConnectionSource<HttpApi> connections) {
    String modules = SecretMasker.mask(Redaction.yaml(Map.of("modules",
        config.settings().compiled().modules().values().stream().collect(
            java.util.stream.Collectors.toMap(m -> m.name(), m -> m.config(),
                (a, b) -> a, java.util.TreeMap::new)))));
    return Map.of(
        "/history", Endpoint.listed(() -> "recent probes, each with its log",
            HistoryPages.table(history)),
        "/logs", HistoryPages.logs(history),
        "/config", Endpoint.listed(() -> "the modules in force",
            (params, deadline) -> Endpoint.Answer.text(200, modules)));
  }

  @Override
  public String probeModuleParameter() {
    return "module";
  }

  @Override
  public List<String> notes(LoadedConfig<ScraperSettings> config) {
    List<String> notes = new ArrayList<>();
    config.settings().compiled().modules().values().stream()
        .filter(m -> !m.prober().supported())
        .forEach(m -> notes.add("module " + m.name() + " uses prober " + m.prober().label()
            + ", which this exporter does not implement; /probe refuses it"));
    return notes;
  }

  public static void main(String[] args) {
    ExporterApp.main(new ScraperExporter(), args);
  }
}
