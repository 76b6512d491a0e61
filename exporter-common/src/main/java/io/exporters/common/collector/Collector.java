package io.exporters.common.collector;

import io.exporters.common.backend.Target;
import io.exporters.common.metrics.MetricSink;

/**
 * Reads one part of a backend's state and writes it as series. Runs concurrently with the other
 * collectors of the scrape; must give up (or be interrupted) at {@code ctx.deadline()}. Throwing
 * costs only this collector's series.
 */
@FunctionalInterface
public interface Collector<C> {
  void collect(ScrapeContext<C> ctx, MetricSink sink) throws Exception;

  /**
   * Writes what stands in for this collector's series when it failed or missed the deadline.
   * Nothing by default; a prober reports {@code probe_success 0} and how long it tried, so that
   * alerts on failure fire.
   */
  default void reportFailure(MetricSink sink, Target target, double durationSeconds) {}
}
