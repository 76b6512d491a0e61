package io.exporters.redis.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import io.exporters.redis.settings.KeyPattern;
import io.exporters.redis.settings.Output;
import io.exporters.redis.settings.ProbeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the key, count and stream checks share: the configured patterns plus those a /scrape
 * request added, grouped by database; selecting a database (only when another than the
 * connection's) and going back to db0 after; the time budget SCAN may use; and the truncation series.
 */
final class KeySelection {
  /** At least this much of the deadline is left for reading what SCAN found. */
  private static final Duration RESERVE = Duration.ofMillis(100);

  private KeySelection() {}

  /** Configured patterns, then the request's own (its {@code param}), by database. */
  static Map<Integer, List<KeyPattern>> byDatabase(List<KeyPattern> configured,
      ScrapeContext<?> ctx, String param) {
    Map<Integer, List<KeyPattern>> out = new TreeMap<>();
    List<KeyPattern> all = new ArrayList<>(configured);
    all.addAll(ProbeOptions.patterns(ctx.target().options(), param));
    for (KeyPattern p : all) {
      List<KeyPattern> list = out.computeIfAbsent(p.db(), db -> new ArrayList<>());
      if (!list.contains(p)) {
        list.add(p);
      }
    }
    return out;
  }

  /** Whether values of keys the request itself named may be exported (see ProbeOptions). */
  static boolean requestMayReadValues(ScrapeContext<?> ctx) {
    return ctx.target().options().containsKey(ProbeOptions.REQUEST_KEY_VALUES);
  }

  /** Connections start in db0 (a cluster's only one): no SELECT until another is asked. */
  static void select(RedisConnection connection, int db) {
    connection.select(db);
  }

  /** Leaves a pooled connection in db0 for whoever uses it next. */
  static void reset(RedisConnection connection) {
    if (!connection.isBroken()) {
      connection.select(0);
    }
  }

  /** Half of what is left, minus a reserve: SCAN stops there, the rest reads values. */
  static Deadline scanBudget(Deadline deadline) {
    long left = deadline.remainingMillis();
    return Deadline.in(Duration.ofMillis(Math.max(0, Math.min(left / 2,
        left - RESERVE.toMillis()))));
  }

  /** Whether this instance is a master (for --skip-checkkeys-for-role-master). */
  static boolean isMaster(RedisConnection connection) {
    List<Object> role = Replies.list(connection.call("ROLE"));
    return !role.isEmpty() && "master".equals(Replies.text(role.get(0)));
  }

  static void truncated(MetricSink sink, Output out, String check, KeyPattern pattern,
      boolean truncated) {
    sink.gauge(out.name("exporter_key_check_truncated"), "Whether the keys of a pattern were "
        + "cut short (1) by the scan's time budget, the key limit or an overlong key name; the "
        + "rest follows on later scrapes.", "check", "db", "pattern")
        .add(truncated ? 1 : 0, check, pattern.dbLabel(), pattern.pattern());
  }
}
