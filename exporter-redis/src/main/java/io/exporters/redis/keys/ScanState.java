package io.exporters.redis.keys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How far one SCAN of a pattern has got: its cursor, the keys found (or only their number, when
 * counting), whether it went round the whole database, and whether it stopped at the key limit.
 */
final class ScanState {
  private final boolean counting;
  private final Set<String> keys = new LinkedHashSet<>();
  private long count;
  private long chars;
  private String cursor = "0";
  private boolean started;
  private boolean complete;
  private boolean limited;
  private int calls;
  private long completedNanos;
  private ScanState previous;

  ScanState(boolean counting) {
    this.counting = counting;
  }

  /** Takes one SCAN reply; false once a key could not be kept (limit reached). */
  void add(String nextCursor, List<String> found, int limit, int maxKeyLength) {
    started = true;
    calls++;
    cursor = nextCursor;
    for (String key : found) {
      if (counting) {
        count++;
      } else if (key.length() > maxKeyLength || (keys.size() >= limit && !keys.contains(key))) {
        limited = true;
      } else if (keys.add(key)) {
        chars += key.length();
      }
    }
    if (cursor.equals("0")) {
      complete = true;
      completedNanos = System.nanoTime();
      previous = null;
    }
  }

  /** Stops at the limit: scanning further could only find keys it may not keep. */
  boolean full(int limit) {
    return !counting && keys.size() >= limit;
  }

  boolean needsScan() {
    return !complete;
  }

  /** Whether a complete scan is to be done again: it was one call, or it is older than ttl. */
  boolean stale(long ttlNanos) {
    return complete && (calls <= 1 || System.nanoTime() - completedNanos >= ttlNanos);
  }

  String cursor() {
    return started ? cursor : "0";
  }

  List<String> keys() {
    return new ArrayList<>(keys);
  }

  long count() {
    return counting ? count : keys.size();
  }

  boolean truncated() {
    return !complete || limited;
  }

  /** Ends a scan at the key limit: complete as far as it can be, kept for the TTL. */
  void stopFull() {
    limited = true;
    complete = true;
    calls = Math.max(calls, 2);
    completedNanos = System.nanoTime();
  }

  /** The finished scan this one replaces; served while this one is still going. */
  ScanState previous() {
    return previous;
  }

  void previous(ScanState older) {
    this.previous = older == null ? null : older.previous == null ? older : older.previous;
  }

  long chars() {
    return chars + (previous == null ? 0 : previous.chars);
  }
}
