package io.exporters.cloudflare.collector;

import io.exporters.cloudflare.dataset.GraphQlDataset;
import io.exporters.cloudflare.dataset.Source;
import io.exporters.cloudflare.poll.CloudflareData;
import io.exporters.cloudflare.poll.SourceHealth;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves one source's families from what the poller collected; a scrape never calls the API.
 * It fails (success 0, with the reason) when the source's latest poll read none of its scopes,
 * and its counters are served all the same: they stay true, and resume when polls do. HELP says
 * how late the data is. Each family is built once per poll and handed whole to every scrape.
 */
public final class SourceCollector implements Collector<CloudflareData> {
  /** A family as built from one published list of series. */
  private record Built(List<Sample> from, MetricFamily family) {}

  private final Map<String, Built> built = new ConcurrentHashMap<>();
  private final Source source;
  private final CloudflareData data;
  private final Set<String> denied;
  private final String lag;

  public SourceCollector(Source source, CloudflareData data, Set<String> denied,
      Duration delay) {
    this.source = source;
    this.data = data;
    this.denied = Set.copyOf(denied);
    this.lag = lagNote(source, delay);
  }

  @Override
  public void collect(ScrapeContext<CloudflareData> ctx, MetricSink sink) throws Exception {
    SourceHealth.Outcome outcome = data.health().outcome(source.name());
    if (outcome != null && !outcome.ok()) {
      throw new Exception(source.name() + ": the latest poll failed: " + outcome.reason());
    }
    write(sink);
  }

  @Override
  public void reportFailure(MetricSink sink, Target target, double durationSeconds) {
    write(sink);
  }

  private void write(MetricSink sink) {
    for (FamilySpec f : source.families()) {
      if (denied.contains(f.name())) {
        continue;
      }
      List<Sample> series = data.store().series(f.name());
      if (series.isEmpty()) {
        continue;
      }
      // Tens of thousands of series change once a poll: built (and written to text) once,
      // not once a scrape.
      sink.add(family(f, series));
    }
  }

  private MetricFamily family(FamilySpec f, List<Sample> samples) {
    Built b = built.get(f.name());
    if (b == null || b.from() != samples) {
      b = new Built(samples, new MetricFamily(f.name(), f.type(), f.help() + lag, samples));
      built.put(f.name(), b);
    }
    return b.family();
  }

  static String lagNote(Source source, Duration delay) {
    if (!(source instanceof GraphQlDataset d)) {
      return " (REST state as of the latest poll)";
    }
    if (!d.windowed()) {
      return " (today, UTC, as of the latest poll)";
    }
    return " (from one-minute windows ending " + delay.toSeconds() + " s (scrape_delay) before "
        + "each poll: see cloudflare_exporter_last_window_end_timestamp_seconds{dataset=\""
        + d.name() + "\"})";
  }
}
