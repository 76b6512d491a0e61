package io.exporters.common.metrics;

import java.util.regex.Pattern;

/** Validation of metric and label names (the legacy, ASCII-only charset every Prometheus accepts). */
public final class MetricNames {
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private MetricNames() {}

  public static boolean isValidMetricName(String name) {
    return name != null && METRIC.matcher(name).matches();
  }

  public static boolean isValidLabelName(String name) {
    return name != null && LABEL.matcher(name).matches() && !name.startsWith("__");
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
