package io.exporters.common.scrape;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/** Looks up a series of a result by name and label pairs (name1, value1, ...). */
final class Series {
  private Series() {}

  static OptionalDouble find(List<MetricFamily> families, String name, String... labels) {
    for (MetricFamily f : families) {
      for (Sample s : f.samples()) {
        if (s.name().equals(name) && matches(s, labels)) {
          return OptionalDouble.of(s.value());
        }
      }
    }
    return OptionalDouble.empty();
  }

  static double value(ScrapeResult result, String name, String... labels) {
    return find(result.families(), name, labels).orElseThrow(() -> new AssertionError(
        "no series " + name + Arrays.toString(labels) + " in " + result.families()));
  }

  static double success(ScrapeResult result, String namespace, String collector) {
    return value(result, namespace + "_scrape_collector_success", "collector", collector);
  }

  private static boolean matches(Sample s, String... labels) {
    for (int i = 0; i < labels.length; i += 2) {
      int at = s.labelNames().indexOf(labels[i]);
      if (at < 0 || !s.labelValue(at).equals(labels[i + 1])) {
        return false;
      }
    }
    return true;
  }
}
