package io.exporters.scraper.collector;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.scraper.model.FailureReason;
import java.time.Instant;
import java.util.List;

/**
 * One finished probe: when, of what, with which module, whether it succeeded and why not, how
 * long it took, its series (finished, as few objects as they can be) and its log. {@code target} is safe to show (no user info).
 */
public record ProbeResult(Instant at, String module, String target, boolean success,
    FailureReason reason, String error, double seconds, List<MetricFamily> families,
    List<String> log) {
  public ProbeResult {
    families = List.copyOf(families);
    log = List.copyOf(log);
  }
}
