package io.exporters.redis.settings;

/**
 * Which generation of redis_exporter's output to match: the current one (the default), or 1.45,
 * the version Debian ships, where a few types and labels differ.
 */
public enum Compat {
  CURRENT,
  V1_45;

  /** "1.45" (also "v1.45", "1.45.0"), "current" or empty. */
  public static Compat parse(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("current")) {
      return CURRENT;
    }
    String v = value.strip().toLowerCase();
    if (v.startsWith("v")) {
      v = v.substring(1);
    }
    if (v.equals("1.45") || v.startsWith("1.45.")) {
      return V1_45;
    }
    throw new IllegalArgumentException("unknown compatibility '" + value
        + "' (use 1.45 for redis_exporter 1.45's names, or current)");
  }
}
