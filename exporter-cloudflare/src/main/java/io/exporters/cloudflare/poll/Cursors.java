package io.exporters.cloudflare.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each (scope, dataset) stands: the start of the first minute not yet counted. Windows
 * are contiguous (each starts where the last ended), so every minute is counted once; a poll
 * that fails leaves the cursor, and the next one reads the missed minutes too, back to at most
 * the catch-up bound. A scope seen for the first time starts at the newest complete minute,
 * and stays there until that minute is counted, however many polls that takes.
 */
public final class Cursors {
  private final Map<String, Instant> next = new ConcurrentHashMap<>();

  private static String key(String scopeId, String dataset) {
    return scopeId + '/' + dataset;
  }

  /** The window due now, or null when the dataset is up to date for the scope. */
  public Window due(String scopeId, String dataset, Instant target, Duration maxCatchUp) {
    Instant start = next.computeIfAbsent(key(scopeId, dataset),
        k -> target.minus(Window.MINUTE));
    if (!start.isBefore(target)) {
      return null;
    }
    Instant floor = target.minus(maxCatchUp);
    long skipped = 0;
    if (start.isBefore(floor)) {
      skipped = Duration.between(start, floor).toMinutes();
      start = floor;
    }
    return new Window(start, target, skipped);
  }

  /** The window was counted: the next one starts at its end. */
  public void advance(String scopeId, String dataset, Window window) {
    next.merge(key(scopeId, dataset), window.end(), (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Where the scope's dataset stands, or null before its first window. */
  public Instant position(String scopeId, String dataset) {
    return next.get(key(scopeId, dataset));
  }

  public void forget(String scopeId) {
    next.keySet().removeIf(k -> k.startsWith(scopeId + '/'));
  }
}
