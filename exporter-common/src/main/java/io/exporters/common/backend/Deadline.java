package io.exporters.common.backend;

import java.time.Duration;

/** A point in time (monotonic clock) by which a scrape or a collector must have answered. */
public final class Deadline {
  private final long atNanos;

  private Deadline(long atNanos) {
    this.atNanos = atNanos;
  }

  public static Deadline in(Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  public long remainingMillis() {
    return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000);
  }

  /** How long ago it passed, 0 while it has not. */
  public long overdueMillis() {
    return Math.max(0, (System.nanoTime() - atNanos) / 1_000_000);
  }

  public boolean expired() {
    return System.nanoTime() - atNanos >= 0;
  }

  /** The earlier of the two. */
  public Deadline min(Deadline other) {
    return atNanos - other.atNanos <= 0 ? this : other;
  }

  @Override
  public String toString() {
    return "Deadline[in " + remainingMillis() + "ms]";
  }
}
