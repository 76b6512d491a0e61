package io.exporters.scraper.collector;

import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.ProbeMetrics;
import java.time.Instant;
import java.util.List;

/**
 * One finished probe: when, of what, with which module, whether it succeeded and why not, how
 * long it took, its series and its log. {@code target} is safe to show (no user info).
 */
public record ProbeResult(Instant at, String module, String target, boolean success,
    FailureReason reason, String error, double seconds, ProbeMetrics metrics,
    List<String> log) {
  public ProbeResult {
    log = List.copyOf(log);
  }
}
