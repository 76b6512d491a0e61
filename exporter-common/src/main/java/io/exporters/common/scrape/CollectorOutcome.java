package io.exporters.common.scrape;

import io.exporters.common.metrics.MetricFamily;
import java.util.List;

/** What one collector produced for one scrape. */
public record CollectorOutcome(
    String collector, Status status, List<MetricFamily> families, double durationSeconds,
    double cacheAgeSeconds, String error, int droppedSeries, List<String> debug) {

  public enum Status {
    /** Ran (or was served from cache within its TTL) and succeeded. */
    SUCCESS,
    /** Threw, or the backend could not be reached. */
    FAILED,
    /** Missed the deadline. */
    LATE,
    /** Does not apply to this backend version; not counted as a failure. */
    SKIPPED
  }

  public CollectorOutcome {
    families = List.copyOf(families);
    debug = debug == null ? List.of() : List.copyOf(debug);
  }

  public CollectorOutcome(String collector, Status status, List<MetricFamily> families,
      double durationSeconds, double cacheAgeSeconds, String error, int droppedSeries) {
    this(collector, status, families, durationSeconds, cacheAgeSeconds, error, droppedSeries,
        List.of());
  }

  /** The same outcome with the run's debug lines (see ScrapeContext#debug). */
  CollectorOutcome withDebug(List<String> lines) {
    return new CollectorOutcome(collector, status, families, durationSeconds, cacheAgeSeconds,
        error, droppedSeries, lines);
  }

  static CollectorOutcome failed(String collector, double seconds, String error) {
    return new CollectorOutcome(collector, Status.FAILED, List.of(), seconds, Double.NaN, error,
        0);
  }

  static CollectorOutcome late(String collector, double seconds) {
    return new CollectorOutcome(
        collector, Status.LATE, List.of(), seconds, Double.NaN, "deadline exceeded", 0);
  }

  static CollectorOutcome skipped(String collector) {
    return new CollectorOutcome(collector, Status.SKIPPED, List.of(), 0, Double.NaN, null, 0);
  }

  public boolean succeeded() {
    return status == Status.SUCCESS;
  }
}
