package io.exporters.redis.keys;

import io.exporters.common.backend.TargetKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SCAN progress and findings of each (target, database, pattern), kept between scrapes so
 * that a large keyspace is scanned once per TTL and a scan cut short by its time budget goes on
 * where it stopped. Bounded in entries and in the characters of the key names it holds, so
 * /scrape callers cannot make it grow without limit.
 */
public final class ScanCache {
  static final int MAX_ENTRIES = 128;
  static final long MAX_CHARS = 2_000_000;

  /** What a scan is of. */
  record Key(TargetKey target, int db, String pattern, String type, boolean counting) {}

  private final Map<Key, ScanState> entries = new LinkedHashMap<>(16, 0.75f, true);

  synchronized ScanState get(Key key) {
    return entries.get(key);
  }

  /** Stores a scan's state, then evicts the least recently used until within bounds. */
  synchronized void put(Key key, ScanState state) {
    entries.put(key, state);
    // States grow while they scan: count them afresh (at most MAX_ENTRIES of them).
    long chars = chars();
    Iterator<Map.Entry<Key, ScanState>> eldest = entries.entrySet().iterator();
    while ((entries.size() > MAX_ENTRIES || chars > MAX_CHARS) && eldest.hasNext()) {
      Map.Entry<Key, ScanState> e = eldest.next();
      if (e.getKey().equals(key)) {
        continue;
      }
      chars -= e.getValue().chars();
      eldest.remove();
    }
  }

  /** Characters of key names held, over every entry. */
  synchronized long chars() {
    long total = 0;
    for (ScanState state : entries.values()) {
      total += state.chars();
    }
    return total;
  }
}
