package io.exporters.cloudflare.store;

import io.exporters.common.metrics.MetricType;
import java.util.List;

/**
 * One exported metric family: name, type, HELP, label names (kept sorted, the order the
 * exposition writes them) and the source that fills it. Labels other than {@code zone} and
 * {@code account} are the breakdown that top-N limits.
 */
public record FamilySpec(String name, MetricType type, String help, List<String> labels,
    String source) {
  private static final List<String> SCOPE_LABELS = List.of("zone", "account");

  public FamilySpec {
    labels = List.copyOf(labels);
    for (int i = 1; i < labels.size(); i++) {
      if (labels.get(i - 1).compareTo(labels.get(i)) >= 0) {
        throw new IllegalArgumentException(name + ": labels must be sorted and distinct");
      }
    }
  }

  public static FamilySpec counter(String source, String name, String help, String... labels) {
    return new FamilySpec(name, MetricType.COUNTER, help, List.of(labels), source);
  }

  public static FamilySpec gauge(String source, String name, String help, String... labels) {
    return new FamilySpec(name, MetricType.GAUGE, help, List.of(labels), source);
  }

  public boolean isCounter() {
    return type == MetricType.COUNTER;
  }

  /** Whether label {@code i} is part of the breakdown (not the zone or account). */
  boolean breakdown(int i) {
    return !SCOPE_LABELS.contains(labels.get(i));
  }
}
