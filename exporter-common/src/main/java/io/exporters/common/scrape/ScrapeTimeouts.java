package io.exporters.common.scrape;

import io.exporters.common.backend.Deadline;
import java.time.Duration;

/**
 * The deadline of one scrape: Prometheus' {@code X-Prometheus-Scrape-Timeout-Seconds} minus a
 * margin (so the answer arrives before Prometheus gives up), capped by config; a default when the
 * header is absent or unreadable.
 */
public record ScrapeTimeouts(Duration max, Duration fallback, Duration margin) {
  public static final String HEADER = "X-Prometheus-Scrape-Timeout-Seconds";

  public Duration forHeader(String headerValue) {
    Duration wanted = fallback;
    if (headerValue != null && !headerValue.isBlank()) {
      try {
        double seconds = Double.parseDouble(headerValue.trim());
        if (seconds > 0 && !Double.isInfinite(seconds)) {
          Duration header = Duration.ofNanos((long) (seconds * 1e9));
          Duration lessMargin = header.minus(margin);
          // A margin larger than half the timeout would leave collectors almost no time.
          wanted = lessMargin.compareTo(header.dividedBy(2)) < 0 ? header.dividedBy(2) : lessMargin;
        }
      } catch (NumberFormatException ignored) {
        // An unreadable header is treated as absent.
      }
    }
    return wanted.compareTo(max) > 0 ? max : wanted;
  }

  public Deadline deadlineFor(String headerValue) {
    return Deadline.in(forHeader(headerValue));
  }
}
