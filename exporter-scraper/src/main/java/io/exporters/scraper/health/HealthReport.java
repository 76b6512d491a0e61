package io.exporters.scraper.health;

import java.util.List;

/** A health answer read: its format, the overall state and the components' states. */
public record HealthReport(HealthFormat format, String overall, List<HealthComponent> components) {
  public HealthReport {
    components = List.copyOf(components);
  }
}
