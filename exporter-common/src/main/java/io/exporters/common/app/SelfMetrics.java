package io.exporters.common.app;

import io.exporters.common.backend.Target;
import io.exporters.common.exposition.SnapshotFamilies;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.scrape.ScrapeResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exporter's own metrics, served on /metrics only: build info, scrape counts and durations,
 * dropped duplicate series, config reload status, and the JVM/process metrics.
 */
public final class SelfMetrics {
  /**
   * Left out of every scrape: each takes a thread dump or a deadlock search, a VM-wide pause that
   * cost ~150 us of a ~2 ms scrape; the thread counts stay.
   */
  static final Set<String> TOO_COSTLY = Set.of("jvm_threads_state", "jvm_threads_deadlocked",
      "jvm_threads_deadlocked_monitor");

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter scrapes;
  private final Gauge lastScrapeDuration;
  private final Gauge lastScrapeError;
  private final Counter droppedSeries;
  private final Gauge reloadSuccessful;
  private final Gauge reloadSuccessTimestamp;

  public SelfMetrics(String exporterName, String namespace, BuildInfo build) {
    String scrapePrefix = namespace + "_exporter";
    Gauge.builder().name(exporterName + "_build_info")
        .help("A metric with a constant '1' value labeled by version, revision and javaversion "
            + "from which " + exporterName + " was built.")
        .labelNames("version", "revision", "javaversion")
        .register(registry)
        .labelValues(build.version(), build.revision(), System.getProperty("java.version"))
        .set(1);
    scrapes = Counter.builder().name(scrapePrefix + "_scrapes_total")
        .help("Total number of times the backend was scraped for metrics.")
        .register(registry);
    lastScrapeDuration = Gauge.builder().name(scrapePrefix + "_last_scrape_duration_seconds")
        .help("Duration of the last scrape of metrics from the backend.")
        .register(registry);
    lastScrapeError = Gauge.builder().name(scrapePrefix + "_last_scrape_error")
        .help("Whether the last scrape of metrics resulted in an error (1 for error, 0 for success).")
        .register(registry);
    droppedSeries = Counter.builder().name(scrapePrefix + "_duplicate_series_dropped_total")
        .help("Series dropped because a collector wrote the same name and labels twice.")
        .labelNames("collector")
        .register(registry);
    reloadSuccessful = Gauge.builder().name(exporterName + "_config_last_reload_successful")
        .help("Whether the last configuration reload attempt was successful.")
        .register(registry);
    reloadSuccessTimestamp = Gauge.builder()
        .name(exporterName + "_config_last_reload_success_timestamp_seconds")
        .help("Timestamp of the last successful configuration reload.")
        .register(registry);
    // JvmMetrics minus native-memory metrics: those call a diagnostic command through JMX on
    // every scrape and say nothing unless native memory tracking is on.
    JvmThreadsMetrics.builder().register(registry);
    JvmBufferPoolMetrics.builder().register(registry);
    JvmClassLoadingMetrics.builder().register(registry);
    JvmCompilationMetrics.builder().register(registry);
    JvmGarbageCollectorMetrics.builder().register(registry);
    JvmMemoryPoolAllocationMetrics.builder().register(registry);
    JvmMemoryMetrics.builder().register(registry);
    JvmRuntimeInfoMetric.builder().register(registry);
    registry.register(new ProcessStats());
  }

  /** What /metrics adds to a scrape, in our model (client_java's snapshots adapted once). */
  public List<MetricFamily> families() {
    return SnapshotFamilies.of(registry.scrape(name -> !TOO_COSTLY.contains(name)));
  }

  public void scraped(Target target, ScrapeResult result) {
    scrapes.inc();
    lastScrapeDuration.set(result.durationSeconds());
    lastScrapeError.set(result.anyFailed() ? 1 : 0);
    for (Map.Entry<String, Integer> e : result.droppedSeries().entrySet()) {
      droppedSeries.labelValues(e.getKey()).inc(e.getValue());
    }
  }

  public void configLoaded(boolean success) {
    reloadSuccessful.set(success ? 1 : 0);
    if (success) {
      reloadSuccessTimestamp.set(System.currentTimeMillis() / 1000.0);
    }
  }
}
