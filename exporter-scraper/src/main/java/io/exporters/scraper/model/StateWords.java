package io.exporters.scraper.model;

import java.util.Locale;
import java.util.Set;

/**
 * The words services use for "healthy", "degraded" and "unhealthy" (UP, pass, green, running,
 * warn, yellow, DOWN, fail, red, false...), case-insensitive, as 1, 0.5 and 0: shared by the
 * health formats and by JSON values that have no value_map of their own.
 */
public final class StateWords {
  public static final double HEALTHY = 1;
  public static final double DEGRADED = 0.5;
  public static final double UNHEALTHY = 0;

  private static final Set<String> HEALTHY_WORDS = Set.of("pass", "ok", "up", "healthy",
      "green", "true", "running", "online", "available", "ready", "serving", "alive", "good",
      "success", "operational", "live");
  private static final Set<String> DEGRADED_WORDS = Set.of("warn", "warning", "degraded",
      "yellow", "partial", "partially_available", "slow");
  private static final Set<String> UNHEALTHY_WORDS = Set.of("fail", "failed", "failure",
      "error", "down", "unhealthy", "red", "false", "critical", "out_of_service", "offline",
      "unavailable", "not_ready", "dead", "stopped", "not_serving");

  private StateWords() {}

  /** 1, 0.5 or 0 for a known word; NaN for any other. */
  public static double value(String word) {
    String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    if (HEALTHY_WORDS.contains(w)) {
      return HEALTHY;
    }
    if (DEGRADED_WORDS.contains(w)) {
      return DEGRADED;
    }
    return UNHEALTHY_WORDS.contains(w) ? UNHEALTHY : Double.NaN;
  }
}
