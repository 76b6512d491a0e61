package io.exporters.redis.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.keys.KeyScanner;
import io.exporters.redis.settings.KeyPattern;
import io.exporters.redis.settings.Output;
import java.util.List;
import java.util.Map;

/**
 * {@code --count-keys}: how many keys match each pattern, {@code redis_keys_count{db,key}}
 * (the label holds the pattern, as redis_exporter's), counted by a bounded SCAN that resumes
 * across scrapes on large keyspaces; until a count is complete the last complete one is served.
 */
public final class KeyCountsCollector implements Collector<RedisConnection> {
  private final Output out;
  private final List<KeyPattern> patterns;
  private final KeyScanner scanner;

  public KeyCountsCollector(Output out, List<KeyPattern> patterns, KeyScanner scanner) {
    this.out = out;
    this.patterns = patterns;
    this.scanner = scanner;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    Map<Integer, List<KeyPattern>> byDb = KeySelection.byDatabase(patterns, ctx, "count-keys");
    if (byDb.isEmpty()) {
      return;
    }
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (connection.facts().isSentinel()) {
      return;
    }
    Deadline budget = KeySelection.scanBudget(ctx.deadline());
    try {
      for (Map.Entry<Integer, List<KeyPattern>> e : byDb.entrySet()) {
        KeySelection.select(connection, e.getKey());
        for (KeyPattern p : e.getValue()) {
          KeyScanner.Result counted = scanner.scan(connection, ctx.target().key(), p, null,
              true, budget);
          sink.gauge(out.name("keys_count"), "Count of keys", "db", "key")
              .add(counted.count(), p.dbLabel(), p.pattern());
          KeySelection.truncated(sink, out, "count", p, counted.truncated());
        }
      }
    } finally {
      KeySelection.reset(connection);
    }
  }
}
