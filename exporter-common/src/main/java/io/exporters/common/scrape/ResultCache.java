package io.exporters.common.scrape;

import io.exporters.common.backend.TargetKey;
import io.exporters.common.backend.Ticker;
import io.exporters.common.metrics.MetricFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last result of each collector with a TTL, per target, served until it expires and never
 * after. Cached families carry a note in their HELP saying how often they are refreshed.
 */
final class ResultCache {
  private record Entry(List<MetricFamily> families, double durationSeconds, long producedAtNanos,
      long expiresAtNanos) {}

  private final Map<CacheKey, Entry> entries = new ConcurrentHashMap<>();
  private final Ticker ticker;

  ResultCache(Ticker ticker) {
    this.ticker = ticker;
  }

  /** The cached outcome if one is still fresh. */
  CollectorOutcome get(CacheKey key) {
    Entry e = entries.get(key);
    long now = ticker.nanos();
    if (e == null || now - e.expiresAtNanos >= 0) {
      return null;
    }
    return new CollectorOutcome(key.collector(), CollectorOutcome.Status.SUCCESS, e.families,
        e.durationSeconds, (now - e.producedAtNanos) / 1e9, null, 0);
  }

  /** Stores a fresh result and returns the families as they will be served (HELP noted). */
  List<MetricFamily> put(CacheKey key, List<MetricFamily> families, double durationSeconds,
      Duration ttl) {
    List<MetricFamily> noted = new ArrayList<>(families.size());
    String note = " (cached: refreshed at most every " + ttl.toSeconds() + "s)";
    for (MetricFamily f : families) {
      noted.add(f.withHelp(f.help() + note));
    }
    long now = ticker.nanos();
    entries.put(key, new Entry(noted, durationSeconds, now, now + ttl.toNanos()));
    return noted;
  }

  int size() {
    return entries.size();
  }

  void forget(TargetKey target) {
    entries.keySet().removeIf(k -> k.target().equals(target));
  }

  /** Drops entries past their TTL, so memory holds only what may still be served. */
  void evictExpired() {
    long now = ticker.nanos();
    entries.values().removeIf(e -> now - e.expiresAtNanos >= 0);
  }
}
