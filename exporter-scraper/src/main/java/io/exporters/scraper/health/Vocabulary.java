package io.exporters.scraper.health;

import io.exporters.scraper.model.StateWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The state words of each format: the values of the {@code state} label (one series each, one
 * of them 1), how a raw word is spelt there, and how healthy it is. Ad-hoc answers use words of
 * every kind ("green", "running", true), so they are reduced to healthy, degraded, unhealthy
 * and unknown.
 */
final class Vocabulary {
  private Vocabulary() {}

  /** The states every series of this format lists, in order. */
  static List<String> states(HealthFormat format) {
    switch (format) {
      case IETF:
        return List.of("pass", "warn", "fail");
      case SPRING:
        return List.of("UP", "DOWN", "OUT_OF_SERVICE", "UNKNOWN");
      case MICROPROFILE:
        return List.of("UP", "DOWN");
      case KUBERNETES:
        return List.of("ok", "failed", "excluded");
      default:
        return List.of("healthy", "degraded", "unhealthy", "unknown");
    }
  }

  /** {@link #states} plus any other word seen (Spring's custom status codes). */
  static List<String> states(HealthFormat format, List<String> seen) {
    List<String> out = new ArrayList<>(states(format));
    for (String s : seen) {
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** {@code raw} as the state label spells it in this format. */
  static String canonical(HealthFormat format, String raw) {
    String word = raw == null ? "" : raw.trim();
    switch (format) {
      case IETF: {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("ok") || lower.equals("up")) {
          return "pass";
        }
        return lower.equals("error") || lower.equals("down") ? "fail" : lower;
      }
      case SPRING:
      case MICROPROFILE:
        return word.toUpperCase(Locale.ROOT);
      case KUBERNETES:
        return word.toLowerCase(Locale.ROOT);
      default:
        return health(word).name().toLowerCase(Locale.ROOT);
    }
  }

  static Health health(String raw) {
    double v = StateWords.value(raw);
    if (Double.isNaN(v)) {
      return Health.UNKNOWN;
    }
    return v == StateWords.HEALTHY ? Health.HEALTHY
        : v == StateWords.DEGRADED ? Health.DEGRADED : Health.UNHEALTHY;
  }
}
