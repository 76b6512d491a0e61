package io.exporters.redis;

import io.exporters.testkit.Exposition;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The shape of an exposition: each family's type and label names (le, quantile aside). */
final class FamilyShapes {
  /** One family's type and label names. */
  record Shape(String type, Set<String> labels) {}

  private FamilyShapes() {}

  static Map<String, Shape> of(Exposition e) {
    Map<String, Shape> out = new TreeMap<>();
    for (Exposition.Family f : e.families()) {
      Set<String> labels = new TreeSet<>();
      for (Exposition.Sample s : f.samples()) {
        labels.addAll(s.labels().keySet());
      }
      labels.remove("le");
      labels.remove("quantile");
      out.put(f.name(), new Shape(f.type(), labels));
    }
    return out;
  }

  /** Families of {@code anchor} that {@code ours} lacks or shapes otherwise, with how. */
  static Map<String, String> differences(Map<String, Shape> anchor, Map<String, Shape> ours) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Shape> e : anchor.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("go_") || name.startsWith("process_")
          || name.startsWith("promhttp_")) {
        continue;
      }
      Shape theirs = e.getValue();
      Shape mine = ours.get(name);
      if (mine == null) {
        out.put(name, "missing");
      } else if (!mine.type().equals(theirs.type())) {
        out.put(name, "type " + mine.type() + " instead of " + theirs.type());
      } else if (!mine.labels().equals(theirs.labels())) {
        out.put(name, "labels " + mine.labels() + " instead of " + theirs.labels());
      }
    }
    return out;
  }
}
