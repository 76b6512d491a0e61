package io.exporters.common.metrics;

import java.util.List;

/**
 * A metric family exactly as exposed: the name is final (no suffix is added on output, so counters
 * the anchors expose without {@code _total} keep their names).
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {
  public MetricFamily {
    samples = List.copyOf(samples);
    help = help == null ? "" : help;
  }

  public MetricFamily withHelp(String newHelp) {
    return new MetricFamily(name, type, newHelp, samples);
  }
}
