package io.exporters.redis.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.keys.KeyInspector;
import io.exporters.redis.keys.KeyScanner;
import io.exporters.redis.settings.KeyPattern;
import io.exporters.redis.settings.Output;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --check-keys} and {@code --check-single-keys} (and a /scrape request's own):
 * {@code redis_key_size}, {@code redis_key_value} (numeric strings),
 * {@code redis_key_value_as_string} (other short strings) and
 * {@code redis_key_memory_usage_bytes} per key. Patterns are expanded by a bounded, cached SCAN
 * ({@link KeyScanner}); keys that do not exist are left out (1.45 exported them as size 0, and
 * still does so under {@code --compat=1.45}).
 */
public final class KeyChecksCollector implements Collector<RedisConnection> {
  /** The configured checks. */
  public record Options(List<KeyPattern> patterns, List<KeyPattern> singleKeys,
      boolean exportValues, boolean skipOnMaster) {}

  private final Output out;
  private final Options options;
  private final KeyScanner scanner;

  public KeyChecksCollector(Output out, Options options, KeyScanner scanner) {
    this.out = out;
    this.options = options;
    this.scanner = scanner;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    Map<Integer, List<KeyPattern>> patterns =
        KeySelection.byDatabase(options.patterns(), ctx, "check-keys");
    Map<Integer, List<KeyPattern>> singles =
        KeySelection.byDatabase(options.singleKeys(), ctx, "check-single-keys");
    if (patterns.isEmpty() && singles.isEmpty()) {
      return;
    }
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (connection.facts().isSentinel()
        || (options.skipOnMaster() && KeySelection.isMaster(connection))) {
      return;
    }
    Deadline budget = KeySelection.scanBudget(ctx.deadline());
    boolean requestValues = KeySelection.requestMayReadValues(ctx);
    Set<KeyPattern> configured = new HashSet<>(options.patterns());
    configured.addAll(options.singleKeys());
    Set<Integer> dbs = new TreeSet<>(patterns.keySet());
    dbs.addAll(singles.keySet());
    try {
      for (int db : dbs) {
        KeySelection.select(connection, db);
        Set<String> keys = new LinkedHashSet<>();
        Set<String> single = new LinkedHashSet<>();
        // Keys whose values may be shown: found by a configured pattern, or by the request's
        // own where it may read values.
        Set<String> valued = new HashSet<>();
        for (KeyPattern p : singles.getOrDefault(db, List.of())) {
          keys.add(p.pattern());
          single.add(p.pattern());
          if (requestValues || configured.contains(p)) {
            valued.add(p.pattern());
          }
        }
        for (KeyPattern p : patterns.getOrDefault(db, List.of())) {
          List<String> found = List.of(p.pattern());
          if (p.isGlob()) {
            KeyScanner.Result scanned = scanner.scan(connection, ctx.target().key(), p, null,
                false, budget);
            found = scanned.keys();
            KeySelection.truncated(sink, out, "keys", p, scanned.truncated());
          }
          keys.addAll(found);
          if (requestValues || configured.contains(p)) {
            valued.addAll(found);
          }
        }
        ctx.debug("db" + db + ": checking " + keys.size() + " keys");
        write(KeyInspector.inspect(connection, new ArrayList<>(keys), !out.v145()), single,
            valued, "db" + db, sink);
      }
    } finally {
      KeySelection.reset(connection);
    }
  }

  private void write(List<KeyInspector.KeyInfo> infos, Set<String> single, Set<String> valued,
      String db, MetricSink sink) {
    for (KeyInspector.KeyInfo info : infos) {
      if (info.size() == null) {
        if (out.v145() && info.type().equals("none") && single.contains(info.key())) {
          sink.gauge(out.name("key_size"), "The length or size of \"key\"", "db", "key")
              .add(0, db, info.key());
        }
        continue;
      }
      sink.gauge(out.name("key_size"), "The length or size of \"key\"", "db", "key")
          .add(info.size(), db, info.key());
      if (info.memoryBytes() != null) {
        sink.gauge(out.name("key_memory_usage_bytes"), "Total memory usage of key in bytes",
            "db", "key").add(info.memoryBytes(), db, info.key());
      }
      if (!options.exportValues() || info.value() == null || !valued.contains(info.key())) {
        continue;
      }
      Double number = Numbers.parse(info.value());
      if (number != null) {
        sink.gauge(out.name("key_value"), "The value of \"key\"", "db", "key")
            .add(number, db, info.key());
      } else {
        sink.gauge(out.name("key_value_as_string"), "The value of \"key\" as a string", "db",
            "key", "val").add(1, db, info.key(), info.value());
      }
    }
  }
}
