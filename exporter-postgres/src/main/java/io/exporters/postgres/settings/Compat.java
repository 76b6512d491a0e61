package io.exporters.postgres.settings;

import java.util.Locale;

/**
 * Which generation of postgres_exporter's names and labels to emit: the current one, or 0.11.1's
 * (Debian's package) so that dashboards and alerts written against it keep working.
 */
public enum Compat {
  CURRENT,
  /** {@code server} label on every series, {@code pg_stat_activity_*{datname,state}}, ... */
  V0_11;

  /** Parses a {@code compat} value: empty or "current", or "0.11" (also "0.11.1"). */
  public static Compat parse(String value) {
    if (value == null) {
      return CURRENT;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "", "current" -> CURRENT;
      case "0.11", "0.11.1" -> V0_11;
      default -> throw new IllegalArgumentException(
          "unknown compat \"" + value + "\" (valid: 0.11, current)");
    };
  }
}
