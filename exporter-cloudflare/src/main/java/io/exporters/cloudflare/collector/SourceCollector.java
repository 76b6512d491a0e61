package io.exporters.cloudflare.collector;

import io.exporters.cloudflare.dataset.Source;
import io.exporters.cloudflare.poll.CloudflareData;
import io.exporters.cloudflare.poll.SourceHealth;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricSink;
import java.util.Set;

/**
 * Serves one source's families from what the poller collected; a scrape never calls the API.
 * It fails (success 0, with the reason) when the source's latest poll read none of its scopes,
 * and its counters are served all the same: they stay true, and resume when polls do. The
 * families are the ones the store published after the latest poll, HELP saying how late the
 * data is: the same objects every scrape until the next poll, so their text is written once.
 */
public final class SourceCollector implements Collector<CloudflareData> {
  private final Source source;
  private final CloudflareData data;
  private final Set<String> denied;

  public SourceCollector(Source source, CloudflareData data, Set<String> denied) {
    this.source = source;
    this.data = data;
    this.denied = Set.copyOf(denied);
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
      MetricFamily family = data.store().family(f.name());
      if (family != null) {
        sink.add(family);
      }
    }
  }
}
