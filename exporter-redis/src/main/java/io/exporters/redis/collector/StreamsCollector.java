package io.exporters.redis.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.RedisError;
import io.exporters.redis.client.Replies;
import io.exporters.redis.keys.KeyScanner;
import io.exporters.redis.settings.KeyPattern;
import io.exporters.redis.settings.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --check-streams} and {@code --check-single-streams}: per stream its length, radix
 * tree, groups and entry ids ({@code XINFO STREAM}), per group its consumers, pending and
 * delivery position ({@code XINFO GROUPS}), per consumer its pending and idle time
 * ({@code XINFO CONSUMERS}, unless excluded). Stream ids are exported as their millisecond part.
 * Patterns are expanded by the bounded SCAN with {@code TYPE stream} (Redis 6+).
 */
public final class StreamsCollector implements Collector<RedisConnection> {
  private static final Version REDIS_6 = Version.of(6, 0);

  private final Output out;
  private final List<KeyPattern> patterns;
  private final List<KeyPattern> singles;
  private final boolean consumers;
  private final KeyScanner scanner;

  public StreamsCollector(Output out, List<KeyPattern> patterns, List<KeyPattern> singles,
      boolean consumers, KeyScanner scanner) {
    this.out = out;
    this.patterns = patterns;
    this.singles = singles;
    this.consumers = consumers;
    this.scanner = scanner;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    Map<Integer, List<KeyPattern>> byDb =
        KeySelection.byDatabase(patterns, ctx, "check-streams");
    Map<Integer, List<KeyPattern>> singleByDb =
        KeySelection.byDatabase(singles, ctx, "check-single-streams");
    if (byDb.isEmpty() && singleByDb.isEmpty()) {
      return;
    }
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (connection.facts().isSentinel()) {
      return;
    }
    Version version = connection.facts().version();
    String type = version == null || version.atLeast(REDIS_6) ? "stream" : null;
    Deadline budget = KeySelection.scanBudget(ctx.deadline());
    Set<Integer> dbs = new TreeSet<>(byDb.keySet());
    dbs.addAll(singleByDb.keySet());
    try {
      for (int db : dbs) {
        KeySelection.select(connection, db);
        Set<String> streams = new LinkedHashSet<>();
        singleByDb.getOrDefault(db, List.of()).forEach(p -> streams.add(p.pattern()));
        for (KeyPattern p : byDb.getOrDefault(db, List.of())) {
          if (!p.isGlob()) {
            streams.add(p.pattern());
            continue;
          }
          KeyScanner.Result found = scanner.scan(connection, ctx.target().key(), p, type,
              false, budget);
          streams.addAll(found.keys());
          KeySelection.truncated(sink, out, "streams", p, found.truncated());
        }
        for (String stream : streams) {
          stream(connection, "db" + db, stream, sink);
        }
      }
    } finally {
      KeySelection.reset(connection);
    }
  }

  private void stream(RedisConnection connection, String db, String stream, MetricSink sink) {
    List<Object> replies = connection.pipeline(List.of(new String[] {"XINFO", "STREAM", stream},
        new String[] {"XINFO", "GROUPS", stream}));
    if (replies.get(0) instanceof RedisError || replies.get(1) instanceof RedisError) {
      // Gone since SCAN, or not a stream: nothing to report for it.
      return;
    }
    Map<String, Object> info = Replies.map(replies.get(0));
    gauge(sink, "stream_length", "The number of elements of the stream", info.get("length"),
        db, stream);
    gauge(sink, "stream_radix_tree_keys", "Radix tree keys count", info.get("radix-tree-keys"),
        db, stream);
    gauge(sink, "stream_radix_tree_nodes", "Radix tree nodes count",
        info.get("radix-tree-nodes"), db, stream);
    id(sink, "stream_last_generated_id",
        "The epoch timestamp (ms) of the latest message on the stream",
        Replies.text(info.get("last-generated-id")), db, stream);
    gauge(sink, "stream_groups", "Groups count of stream", info.get("groups"), db, stream);
    if (!out.v145()) {
      id(sink, "stream_max_deleted_entry_id",
          "The epoch timestamp (ms) of last message was deleted from the stream",
          Replies.text(info.get("max-deleted-entry-id")), db, stream);
      id(sink, "stream_first_entry_id",
          "The epoch timestamp (ms) of the first message in the stream",
          entryId(info.get("first-entry")), db, stream);
      id(sink, "stream_last_entry_id", "The epoch timestamp (ms) of the last message in the "
          + "stream", entryId(info.get("last-entry")), db, stream);
    }
    List<String[]> consumerQueries = new ArrayList<>();
    for (Object group : Replies.list(replies.get(1))) {
      Map<String, Object> g = Replies.map(group);
      String name = Replies.text(g.get("name"));
      gauge(sink, "stream_group_consumers", "Consumers count of stream group",
          g.get("consumers"), db, stream, name);
      gauge(sink, "stream_group_messages_pending",
          "Pending number of messages in that stream group", g.get("pending"), db, stream, name);
      id(sink, "stream_group_last_delivered_id",
          "The epoch timestamp (ms) of the last delivered message",
          Replies.text(g.get("last-delivered-id")), db, stream, name);
      if (!out.v145()) {
        gauge(sink, "stream_group_entries_read",
            "Total number of entries read from the stream group", g.get("entries-read"), db,
            stream, name);
        gauge(sink, "stream_group_lag", "The number of messages waiting to be delivered to "
            + "the stream group's consumers", g.get("lag"), db, stream, name);
      }
      consumerQueries.add(new String[] {"XINFO", "CONSUMERS", stream, name});
    }
    if (consumers) {
      consumers(connection, db, stream, consumerQueries, sink);
    }
  }

  private void consumers(RedisConnection connection, String db, String stream,
      List<String[]> queries, MetricSink sink) {
    List<Object> replies = connection.pipeline(queries);
    for (int i = 0; i < replies.size(); i++) {
      if (replies.get(i) instanceof RedisError) {
        continue;
      }
      String group = queries.get(i)[3];
      for (Object consumer : Replies.list(replies.get(i))) {
        Map<String, Object> c = Replies.map(consumer);
        String name = Replies.text(c.get("name"));
        gauge(sink, "stream_group_consumer_messages_pending",
            "Pending number of messages for this specific consumer", c.get("pending"), db,
            stream, group, name);
        Long idle = Replies.number(c.get("idle"));
        sink.gauge(out.name("stream_group_consumer_idle_seconds"), "Consumer idle time in "
            + "seconds", "db", "stream", "group", "consumer")
            .add(idle == null ? 0 : idle / 1e3, db, stream, group, name);
      }
    }
  }

  private void gauge(MetricSink sink, String metric, String help, Object reply,
      String... labels) {
    Long value = reply == null ? null : Replies.number(reply);
    if (value == null) {
      return;
    }
    String[] names = {"db", "stream", "group", "consumer"};
    sink.gauge(out.name(metric), help, Arrays.copyOf(names, labels.length))
        .add(value, labels);
  }

  private void id(MetricSink sink, String metric, String help, String id, String... labels) {
    String[] names = {"db", "stream", "group"};
    sink.gauge(out.name(metric), help, Arrays.copyOf(names, labels.length))
        .add(idMillis(id), labels);
  }

  /** {@code 1700000000000-3} as 1700000000000; 0 when absent, as redis_exporter does. */
  static double idMillis(String id) {
    if (id == null || id.isEmpty()) {
      return 0;
    }
    int dash = id.indexOf('-');
    try {
      return Double.parseDouble(dash < 0 ? id : id.substring(0, dash));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String entryId(Object entry) {
    List<Object> e = Replies.list(entry);
    return e.isEmpty() ? null : Replies.text(e.get(0));
  }
}
