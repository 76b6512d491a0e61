package io.exporters.redis.settings;

import io.exporters.common.metrics.MetricNames;

/** Metric names under the configured namespace ({@code --namespace}, redis by default). */
public record Names(String namespace) {
  public static final Names DEFAULT = new Names("redis");

  public Names {
    if (!MetricNames.isValidMetricName(namespace) || namespace.contains(":")) {
      throw new IllegalArgumentException("'" + namespace + "' is not a valid metric namespace "
          + "(letters, digits and underscores, not starting with a digit)");
    }
  }

  public String of(String suffix) {
    return namespace + "_" + suffix;
  }
}
