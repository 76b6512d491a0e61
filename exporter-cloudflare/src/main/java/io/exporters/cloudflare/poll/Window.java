package io.exporters.cloudflare.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A span of whole minutes [start, end) read in one query. {@code skippedMinutes} are minutes
 * before {@code start} that were never read because they fell past the catch-up bound.
 */
public record Window(Instant start, Instant end, long skippedMinutes) {
  static final Duration MINUTE = Duration.ofMinutes(1);

  /** The end of the newest complete minute that is {@code delay} old: what may be read now. */
  public static Instant target(Instant now, Duration delay) {
    return now.minus(delay).truncatedTo(ChronoUnit.MINUTES);
  }

  public long minutes() {
    return Duration.between(start, end).toMinutes();
  }
}
