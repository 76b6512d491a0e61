package io.exporters.common.scrape;

import io.exporters.common.collector.CollectorSpec;
import java.time.Duration;
import java.util.Map;

/** An enabled collector with the settings config gave it (ttl and timeout may be null). */
public record ActiveCollector<C>(
    CollectorSpec<C> spec, Duration ttl, Duration timeout, Map<String, String> options) {
  public ActiveCollector {
    options = Map.copyOf(options == null ? Map.of() : options);
  }

  public String name() {
    return spec.name();
  }
}
