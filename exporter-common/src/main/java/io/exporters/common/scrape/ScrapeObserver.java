package io.exporters.common.scrape;

import io.exporters.common.backend.Target;

/** Told about every answered scrape (self-metrics). */
@FunctionalInterface
public interface ScrapeObserver {
  void scraped(Target target, ScrapeResult result);
}
