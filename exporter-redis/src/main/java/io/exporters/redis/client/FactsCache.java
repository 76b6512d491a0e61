package io.exporters.redis.client;

import io.exporters.common.backend.TargetKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ServerFacts} of recently used targets, by identity (address, user, credential
 * digest), so that what one login may not do is never assumed of another. Bounded: /probe
 * callers cannot grow it past {@link #MAX_TARGETS}; entries are found again after {@link #TTL}.
 */
final class FactsCache {
  static final int MAX_TARGETS = 256;
  static final Duration TTL = Duration.ofMinutes(10);

  private final Map<TargetKey, ServerFacts> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TargetKey, ServerFacts> eldest) {
          return size() > MAX_TARGETS;
        }
      };

  /** The fresh facts of a target, or null. */
  synchronized ServerFacts get(TargetKey key) {
    ServerFacts facts = entries.get(key);
    if (facts != null && facts.olderThan(TTL.toNanos())) {
      entries.remove(key);
      return null;
    }
    return facts;
  }

  synchronized void put(TargetKey key, ServerFacts facts) {
    entries.put(key, facts);
  }

  /** Forgets a target whose server changed (restarted, failed over). */
  synchronized void forget(TargetKey key, ServerFacts stale) {
    entries.remove(key, stale);
  }
}
