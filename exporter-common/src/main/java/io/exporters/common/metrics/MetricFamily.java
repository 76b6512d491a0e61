package io.exporters.common.metrics;

import java.util.ArrayList;
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

  /** This family with {@code label="value"} on every sample that has no such label yet. */
  public MetricFamily withLabel(String label, String value) {
    List<Sample> out = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      if (s.labelNames().contains(label)) {
        out.add(s);
        continue;
      }
      List<String> names = new ArrayList<>(s.labelNames());
      List<String> values = new ArrayList<>(s.labelValues());
      int at = 0;
      // Sorted in, but a histogram bucket's le stays last.
      while (at < names.size() && names.get(at).compareTo(label) < 0
          && !(at == names.size() - 1 && names.get(at).equals("le"))) {
        at++;
      }
      names.add(at, label);
      values.add(at, value);
      out.add(new Sample(s.name(), names, values, s.value()));
    }
    return new MetricFamily(name, type, help, out);
  }
}
