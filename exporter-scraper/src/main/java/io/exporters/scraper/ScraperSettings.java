package io.exporters.scraper;

import java.util.List;

/** The scraper's own keys: URLs that /metrics probes (each labelled {@code target}). */
public record ScraperSettings(List<String> targets) {
  public ScraperSettings {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }
}
