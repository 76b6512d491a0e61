package io.exporters.scraper.health;

import io.exporters.scraper.model.ProbeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a health report: the format, the overall state and each component's as one-hot enums
 * in the format's own words plus a normalised number, and the values the format carries.
 */
final class HealthWriter {
  private HealthWriter() {}

  /** Returns how healthy the answer says the service is overall. */
  static Health write(HealthReport report, int maxComponents, ProbeMetrics metrics) {
    HealthFormat format = report.format();
    metrics.set(HealthFamilies.FORMAT, 1, format.label());
    List<HealthComponent> components = report.components();
    if (components.size() > maxComponents) {
      metrics.set(HealthFamilies.DROPPED, components.size() - maxComponents);
      components = components.subList(0, maxComponents);
    }
    Health overall = Vocabulary.health(report.overall());
    String overallWord = report.overall();
    if (overall == Health.UNKNOWN && format == HealthFormat.ADHOC && !components.isEmpty()) {
      // No overall word: the worst component stands for the whole.
      overall = worst(components);
      overallWord = overall.name().toLowerCase();
    }
    String overallState = Vocabulary.canonical(format, overallWord);
    for (String state : Vocabulary.states(format, List.of(overallState))) {
      metrics.set(HealthFamilies.OVERALL_STATUS, state.equals(overallState) ? 1 : 0, state);
    }
    metrics.set(HealthFamilies.OVERALL_UP, overall.value());
    List<String> seen = new ArrayList<>();
    for (HealthComponent c : components) {
      seen.add(Vocabulary.canonical(format, c.state()));
    }
    List<String> states = Vocabulary.states(format, seen);
    for (int i = 0; i < components.size(); i++) {
      HealthComponent c = components.get(i);
      for (String state : states) {
        metrics.set(HealthFamilies.STATUS, state.equals(seen.get(i)) ? 1 : 0, c.name(), state);
      }
      metrics.set(HealthFamilies.UP, Vocabulary.health(c.state()).value(), c.name());
      for (Map.Entry<String, Double> d : c.details().entrySet()) {
        metrics.set(HealthFamilies.DETAIL, d.getValue(), c.name(), d.getKey());
      }
      if (c.observedValue() != null) {
        metrics.set(HealthFamilies.OBSERVED, c.observedValue(), c.name(), c.observedUnit());
      }
    }
    return overall;
  }

  private static Health worst(List<HealthComponent> components) {
    Health worst = Health.HEALTHY;
    for (HealthComponent c : components) {
      Health h = Vocabulary.health(c.state());
      if (h == Health.UNHEALTHY || h == Health.DEGRADED && worst != Health.UNHEALTHY
          || h == Health.UNKNOWN && worst == Health.HEALTHY) {
        worst = h;
      }
    }
    return worst;
  }
}
