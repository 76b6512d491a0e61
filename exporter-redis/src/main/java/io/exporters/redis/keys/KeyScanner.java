package io.exporters.redis.keys;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.TargetKey;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import io.exporters.redis.settings.KeyPattern;
import java.time.Duration;
import java.util.List;

/**
 * Finds the keys a pattern matches with SCAN ({@code MATCH}, {@code COUNT}, and {@code TYPE}
 * when asked), bounded three ways: a time budget taken from the scrape's deadline, a most keys
 * per pattern, and a longest key name. A scan cut short by its budget resumes on the next scrape
 * where it stopped; a finished scan is reused for the TTL unless it took a single call (a small
 * database is cheaper to scan again than to serve stale). While a new scan is under way, the
 * last finished one is served.
 */
public final class KeyScanner {
  /** Longer key names are skipped (and reported as a truncation): no one watches such keys. */
  public static final int MAX_KEY_LENGTH = 512;

  /** The keys found (or their number), and whether the scan was cut short or limited. */
  public record Result(List<String> keys, long count, boolean truncated) {}

  private final ScanCache cache;
  private final int batchSize;
  private final int limit;
  private final long ttlNanos;

  public KeyScanner(ScanCache cache, int batchSize, int limit, Duration ttl) {
    this.cache = cache;
    this.batchSize = batchSize;
    this.limit = limit;
    this.ttlNanos = ttl.toNanos();
  }

  /**
   * Scans in the connection's selected database (the caller selects {@code pattern.db()}) until
   * done or {@code budget}; {@code type} filters by key type (Redis 6+), null for any.
   */
  public Result scan(RedisConnection connection, TargetKey target, KeyPattern pattern,
      String type, boolean counting, Deadline budget) {
    ScanCache.Key key = new ScanCache.Key(target, pattern.db(), pattern.pattern(), type,
        counting);
    ScanState state = cache.get(key);
    if (state == null || state.stale(ttlNanos)) {
      ScanState fresh = new ScanState(counting);
      fresh.previous(state);
      state = fresh;
    }
    synchronized (state) {
      while (state.needsScan() && !budget.expired()) {
        String[] command = type == null
            ? new String[] {"SCAN", state.cursor(), "MATCH", pattern.pattern(), "COUNT",
                Integer.toString(batchSize)}
            : new String[] {"SCAN", state.cursor(), "MATCH", pattern.pattern(), "COUNT",
                Integer.toString(batchSize), "TYPE", type};
        List<Object> reply = Replies.list(connection.call(command));
        if (reply.size() != 2) {
          throw new IllegalStateException("SCAN answered " + reply.size() + " items");
        }
        state.add(Replies.text(reply.get(0)), Replies.texts(reply.get(1)), limit,
            MAX_KEY_LENGTH);
        if (state.full(limit)) {
          state.stopFull();
        }
      }
      cache.put(key, state);
      ScanState served = state.needsScan() && state.previous() != null ? state.previous()
          : state;
      boolean truncated = served.truncated() || (served == state && state.needsScan());
      return new Result(counting ? List.of() : served.keys(), served.count(), truncated);
    }
  }
}
