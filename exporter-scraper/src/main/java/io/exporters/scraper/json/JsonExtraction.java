package io.exporters.scraper.json;

import java.util.List;
import java.util.Locale;

/**
 * A module's {@code json:} compiled: its metrics, the rule for two series with the same name
 * and labels, and the most series one body may give.
 */
public record JsonExtraction(List<JsonMetric> metrics, OnDuplicate onDuplicate, int maxSeries) {
  public static final int DEFAULT_MAX_SERIES = 10_000;

  public JsonExtraction {
    metrics = List.copyOf(metrics);
  }

  /** Which of two series with one name and label set is kept; every drop is counted. */
  public enum OnDuplicate {
    /** The first in document order (the default, as the core keeps the first). */
    FIRST,
    LAST,
    /** Their sum: for counts spread over several entries. */
    SUM;

    public static OnDuplicate parse(String text) {
      if (text == null || text.isEmpty()) {
        return FIRST;
      }
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("expected first, last or sum, got '" + text + "'");
      }
    }
  }
}
