package io.exporters.scraper.model;

import io.exporters.common.metrics.MetricType;
import java.util.List;

/** A metric family's name, type, HELP text and label names: what a probe writes into. */
public record Family(MetricType type, String name, String help, List<String> labels) {
  public Family {
    labels = List.copyOf(labels);
  }

  public static Family gauge(String name, String help, String... labels) {
    return new Family(MetricType.GAUGE, name, help, List.of(labels));
  }
}
