package io.exporters.cloudflare.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Requests allowed in any five minutes, as Cloudflare counts them (GraphQL: 300 per user; REST:
 * 1200 per token): a log of recent request times, and a pause that a 429's Retry-After or a
 * "budget depleted" answer sets. Time comes from the injected clock, so tests are exact.
 */
public final class RequestBudget {
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final Clock clock;
  private final ArrayDeque<Instant> sent = new ArrayDeque<>();
  private int limit;
  private Instant pausedUntil = Instant.EPOCH;
  private String pauseReason = "";

  public RequestBudget(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  public synchronized void setLimit(int limit) {
    this.limit = limit;
  }

  public synchronized int limit() {
    return limit;
  }

  /** Takes one request from the budget; false when paused or spent. */
  public synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    prune(now);
    if (now.isBefore(pausedUntil) || sent.size() >= limit) {
      return false;
    }
    sent.addLast(now);
    return true;
  }

  /** Requests still allowed now (0 while paused). */
  public synchronized int available() {
    Instant now = clock.instant();
    prune(now);
    return now.isBefore(pausedUntil) ? 0 : Math.max(0, limit - sent.size());
  }

  /** Requests sent in the last five minutes. */
  public synchronized int used() {
    prune(clock.instant());
    return sent.size();
  }

  /** No request until {@code until}; a later pause extends an earlier one, never shortens it. */
  public synchronized void pauseUntil(Instant until, String reason) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
      pauseReason = reason;
    }
  }

  public synchronized Duration pauseRemaining() {
    Duration left = Duration.between(clock.instant(), pausedUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public synchronized String pauseReason() {
    return pauseRemaining().isZero() ? "" : pauseReason;
  }

  private void prune(Instant now) {
    Instant cutoff = now.minus(WINDOW);
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(cutoff)) {
      sent.removeFirst();
    }
  }
}
