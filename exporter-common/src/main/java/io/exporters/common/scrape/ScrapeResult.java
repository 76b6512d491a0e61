package io.exporters.common.scrape;

import io.exporters.common.metrics.MetricFamily;
import java.util.List;
import java.util.Map;

/**
 * One answered scrape: the families to expose (target series plus up and per-collector success,
 * duration and cache age), and per-collector outcomes and dropped-duplicate counts for
 * self-metrics.
 */
public record ScrapeResult(
    boolean up, List<MetricFamily> families, List<CollectorOutcome> outcomes,
    Map<String, Integer> droppedSeries, double durationSeconds) {

  public boolean anyFailed() {
    return !up || outcomes.stream().anyMatch(o ->
        o.status() == CollectorOutcome.Status.FAILED || o.status() == CollectorOutcome.Status.LATE);
  }
}
