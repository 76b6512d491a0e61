package io.exporters.common.scrape;

import io.exporters.common.backend.Deadline;
import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a round's outcomes into the answer: every collector's families merged (duplicates
 * dropped and counted), what a failed collector reports in place of its series, and the
 * scrape's own families: {@code <ns>_up}, {@code <ns>_scrape_collector_success},
 * {@code _duration_seconds} and {@code _cache_age_seconds}.
 */
final class ScrapeReport {
  private final String namespace;

  ScrapeReport(String namespace) {
    this.namespace = namespace;
  }

  /** The round's answer with what has arrived by {@code wait}; the rest counts as late. */
  <C> ScrapeResult assemble(Round<C> round, Deadline wait) {
    boolean up = get(round.up, wait).orElse(false);
    List<CollectorOutcome> outcomes = new ArrayList<>();
    for (ActiveCollector<C> active : round.plan.collectors()) {
      outcomes.add(get(round.outcomes.get(active.name()), wait)
          .orElseGet(() -> CollectorOutcome.late(active.name(), round.seconds())));
    }
    MetricBuffer merged = new MetricBuffer();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      CollectorOutcome outcome = outcomes.get(i);
      int n = outcome.droppedSeries();
      for (MetricFamily family : outcome.families()) {
        n += merged.add(family);
      }
      if (outcome.status() == CollectorOutcome.Status.FAILED
          || outcome.status() == CollectorOutcome.Status.LATE) {
        round.plan.collectors().get(i).spec().collector()
            .reportFailure(merged, round.target, outcome.durationSeconds());
      }
      if (n > 0) {
        dropped.put(outcome.collector(), n);
      }
    }
    write(merged, up, outcomes, round.plan);
    return new ScrapeResult(up, merged.families(), outcomes, dropped, round.seconds());
  }

  private void write(MetricSink sink, boolean up, List<CollectorOutcome> outcomes,
      ScrapePlan<?> plan) {
    sink.gauge(namespace + "_up", "Whether the backend could be reached (1) or not (0).")
        .add(up ? 1 : 0);
    MetricSink.SeriesWriter success = sink.gauge(namespace + "_scrape_collector_success",
        "Whether the collector succeeded (1), or failed or missed the scrape deadline (0).",
        "collector");
    MetricSink.SeriesWriter duration = sink.gauge(namespace + "_scrape_collector_duration_seconds",
        "Seconds the collector took; for a result served from cache, when it last ran.",
        "collector");
    for (CollectorOutcome o : outcomes) {
      if (o.status() == CollectorOutcome.Status.SKIPPED) {
        continue;
      }
      success.add(o.succeeded() ? 1 : 0, o.collector());
      duration.add(o.durationSeconds(), o.collector());
    }
    MetricSink.SeriesWriter age = null;
    for (int i = 0; i < outcomes.size(); i++) {
      CollectorOutcome o = outcomes.get(i);
      if (plan.collectors().get(i).ttl() != null && o.succeeded()) {
        if (age == null) {
          age = sink.gauge(namespace + "_scrape_collector_cache_age_seconds",
              "Age of the result served for a collector with a cache TTL: 0 when it ran for this "
                  + "scrape; never older than the collector's TTL.",
              "collector");
        }
        age.add(o.cacheAgeSeconds(), o.collector());
      }
    }
  }

  static <T> Optional<T> get(CompletableFuture<T> future, Deadline deadline) {
    try {
      return Optional.ofNullable(future.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
