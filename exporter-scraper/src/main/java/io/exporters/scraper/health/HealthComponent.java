package io.exporters.scraper.health;

import java.util.Map;

/**
 * One component of a health answer: its name (a path such as {@code broker/us1} when nested),
 * its state in the format's own words, numeric details ({@code diskSpace.total}) and, for the
 * IETF format, the observed value and its unit.
 */
public record HealthComponent(String name, String state, Map<String, Double> details,
    Double observedValue, String observedUnit) {
  public HealthComponent {
    details = Map.copyOf(details);
  }

  public static HealthComponent of(String name, String state) {
    return new HealthComponent(name, state, Map.of(), null, null);
  }
}
