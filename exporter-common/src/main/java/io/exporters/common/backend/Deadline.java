package io.exporters.common.backend;

import java.time.Duration;

/** A point in time (monotonic clock) by which a scrape or a collector must have answered. */
public final class Deadline {
  private final Ticker ticker;
  private final long atNanos;

  private Deadline(Ticker ticker, long atNanos) {
    this.ticker = ticker;
    this.atNanos = atNanos;
  }

  public static Deadline in(Duration duration) {
    return in(duration, Ticker.SYSTEM);
  }

  public static Deadline in(Duration duration, Ticker ticker) {
    return new Deadline(ticker, ticker.nanos() + duration.toNanos());
  }

  /** A deadline as far from now on the same clock; {@code duration} may be zero. */
  public Deadline sameClockIn(Duration duration) {
    return in(duration, ticker);
  }

  public long remainingMillis() {
    return Math.max(0, (atNanos - ticker.nanos()) / 1_000_000);
  }

  /** How long ago it passed, 0 while it has not. */
  public long overdueMillis() {
    return Math.max(0, (ticker.nanos() - atNanos) / 1_000_000);
  }

  public boolean expired() {
    return ticker.nanos() - atNanos >= 0;
  }

  /** The earlier of the two (both on the same clock). */
  public Deadline min(Deadline other) {
    return atNanos - other.atNanos <= 0 ? this : other;
  }

  @Override
  public String toString() {
    return "Deadline[in " + remainingMillis() + "ms]";
  }
}
