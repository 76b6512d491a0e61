package io.exporters.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A metric family exactly as exposed: the name is final (no suffix is added on output, so counters
 * the anchors expose without {@code _total} keep their names). Immutable; a family served again
 * as the same object (a collector's cached result, a poller's data) keeps what the exposition
 * writers made of it in {@link #writerCache()}, so it is not written afresh on every scrape.
 */
public final class MetricFamily {
  private final String name;
  private final MetricType type;
  private final String help;
  private final List<Sample> samples;
  private final AtomicReference<Object> writerCache = new AtomicReference<>();

  public MetricFamily(String name, MetricType type, String help, List<Sample> samples) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.help = help == null ? "" : help;
    this.samples = List.copyOf(samples);
  }

  public String name() {
    return name;
  }

  public MetricType type() {
    return type;
  }

  public String help() {
    return help;
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The exposition writers' slot for what they keep of this family (its text); opaque here. */
  public Object writerCache() {
    return writerCache.get();
  }

  /** Sets the slot unless it is set; returns what is in it then. */
  public Object writerCache(Object value) {
    return writerCache.compareAndSet(null, value) ? value : writerCache.get();
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

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricFamily f && name.equals(f.name) && type == f.type
        && help.equals(f.help) && samples.equals(f.samples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, help, samples);
  }

  @Override
  public String toString() {
    return "MetricFamily[name=" + name + ", type=" + type + ", help=" + help + ", samples="
        + samples + "]";
  }
}
