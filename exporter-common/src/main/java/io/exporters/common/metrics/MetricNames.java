package io.exporters.common.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Validation of metric and label names (the legacy, ASCII-only charset every Prometheus accepts). */
public final class MetricNames {
  /**
   * Names already found valid: collectors ask with the same names on every scrape. Bounded, as
   * some names come from the backend's data.
   */
  private static final int MAX_REMEMBERED = 4096;
  private static final Set<String> VALID_METRIC_NAMES = ConcurrentHashMap.newKeySet();
  private static final Set<String> VALID_LABEL_NAMES = ConcurrentHashMap.newKeySet();

  private MetricNames() {}

  public static boolean isValidMetricName(String name) {
    return name != null && (VALID_METRIC_NAMES.contains(name)
        || remember(VALID_METRIC_NAMES, name, isValid(name, true)));
  }

  public static boolean isValidLabelName(String name) {
    return name != null && (VALID_LABEL_NAMES.contains(name)
        || remember(VALID_LABEL_NAMES, name, isValid(name, false) && !name.startsWith("__")));
  }

  private static boolean remember(Set<String> known, String name, boolean valid) {
    if (valid && known.size() < MAX_REMEMBERED) {
      known.add(name);
    }
    return valid;
  }

  private static boolean isValid(String name, boolean colonAllowed) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
          || (colonAllowed && c == ':') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Replaces every character a metric name may not hold by '_' (for names built from data). */
  public static String sanitize(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
          || (i > 0 && c >= '0' && c <= '9');
      out.append(ok ? c : '_');
    }
    return out.toString();
  }
}
