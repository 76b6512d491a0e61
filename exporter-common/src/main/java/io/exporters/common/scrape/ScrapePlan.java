package io.exporters.common.scrape;

import java.util.List;

/**
 * The collectors one scrape runs, fixed for a config generation. Scrapes join a round in flight
 * only when they share the plan, so a reload never mixes two configs in one answer.
 */
public record ScrapePlan<C>(List<ActiveCollector<C>> collectors) {
  public ScrapePlan {
    collectors = List.copyOf(collectors);
  }
}
