package io.exporters.common.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.common.scrape.ScrapeContext;

/**
 * Reads one part of a backend's state and writes it as series. Runs concurrently with the other
 * collectors of the scrape; must give up (or be interrupted) at {@code ctx.deadline()}. Throwing
 * costs only this collector's series.
 */
@FunctionalInterface
public interface Collector<C> {
  void collect(ScrapeContext<C> ctx, MetricSink sink) throws Exception;
}
