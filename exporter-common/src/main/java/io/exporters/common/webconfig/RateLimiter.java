package io.exporters.common.webconfig;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket like Go's {@code rate.NewLimiter(rate.Every(interval), burst)}: up to
 * {@code burst} requests at once, then one more per {@code interval}. Thread-safe.
 */
public final class RateLimiter {
  private final long intervalNanos;
  private final int burst;
  private final LongSupplier nanoClock;
  private long tokens;
  private long refilledAt;

  RateLimiter(Duration interval, int burst) {
    this(interval, burst, System::nanoTime);
  }

  RateLimiter(Duration interval, int burst, LongSupplier nanoClock) {
    if (interval.isNegative() || interval.isZero() || burst < 1) {
      throw new IllegalArgumentException("interval must be positive and burst at least 1");
    }
    this.intervalNanos = interval.toNanos();
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.refilledAt = nanoClock.getAsLong();
  }

  /** Takes one token if there is one; false means the request should get a 429. */
  public synchronized boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    long earned = (now - refilledAt) / intervalNanos;
    if (earned > 0) {
      tokens = Math.min(burst, tokens + earned);
      refilledAt += earned * intervalNanos;
    }
    if (tokens == burst) {
      // A full bucket banks no time: the next token is due one interval after this request.
      refilledAt = now;
    }
    if (tokens == 0) {
      return false;
    }
    tokens--;
    return true;
  }

  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  public int burst() {
    return burst;
  }
}
