package io.exporters.scraper.health;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes' /livez and /readyz text: {@code ok}, or one {@code [+]name ok} /
 * {@code [-]name failed: reason} line per check and a {@code livez check passed} trailer. The
 * HTTP status decides the overall state when no trailer says it, as the docs tell machines to.
 */
final class KubernetesHealth {
  private static final Pattern CHECK =
      Pattern.compile("^\\[([+-])\\](\\S+) (ok|excluded: ok|failed.*)$");
  private static final Pattern TRAILER = Pattern.compile("^\\S+ check (passed|failed)$");

  private KubernetesHealth() {}

  static boolean matches(String text) {
    String trimmed = text.strip();
    if (trimmed.equals("ok")) {
      return true;
    }
    for (String line : trimmed.split("\n", 50)) {
      if (CHECK.matcher(line.strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  static HealthReport parse(String text, int statusCode) {
    List<HealthComponent> out = new ArrayList<>();
    String overall = statusCode >= 200 && statusCode < 300 ? "ok" : "failed";
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      Matcher check = CHECK.matcher(line);
      if (check.matches()) {
        String state = check.group(3).startsWith("excluded") ? "excluded"
            : check.group(1).equals("+") ? "ok" : "failed";
        out.add(HealthComponent.of(check.group(2), state));
        continue;
      }
      Matcher trailer = TRAILER.matcher(line);
      if (trailer.matches()) {
        overall = trailer.group(1).equals("passed") ? "ok" : "failed";
      }
    }
    return new HealthReport(HealthFormat.KUBERNETES, overall, out);
  }
}
