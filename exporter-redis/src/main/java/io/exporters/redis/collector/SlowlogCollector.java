package io.exporters.redis.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import io.exporters.redis.settings.Output;
import java.util.List;

/**
 * The slow log: its length, and the id and duration of its newest entry (0 when empty), from
 * {@code SLOWLOG LEN} and {@code SLOWLOG GET 1} sent in one round trip.
 */
public final class SlowlogCollector implements Collector<RedisConnection> {
  private final Output out;

  public SlowlogCollector(Output out) {
    this.out = out;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (connection.facts().isSentinel() || !connection.facts().allows("slowlog")) {
      return;
    }
    List<Object> replies = connection.pipeline(List.of(new String[] {"SLOWLOG", "LEN"},
        new String[] {"SLOWLOG", "GET", "1"}));
    if (connection.refused("slowlog", replies.get(0))) {
      return;
    }
    Long length = Replies.number(replies.get(0));
    sink.gauge(out.name("slowlog_length"), "Total slowlog").add(length == null ? 0 : length);
    long lastId = 0;
    double lastSeconds = 0;
    List<Object> entries = Replies.list(replies.get(1));
    if (!entries.isEmpty()) {
      List<Object> entry = Replies.list(entries.get(0));
      if (entry.size() >= 3) {
        Long id = Replies.number(entry.get(0));
        Long micros = Replies.number(entry.get(2));
        lastId = id == null ? 0 : id;
        lastSeconds = micros == null ? 0 : micros / 1e6;
      }
    }
    sink.gauge(out.name("slowlog_last_id"), "Last id of slowlog").add(lastId);
    sink.gauge(out.name("last_slow_execution_duration_seconds"),
        "The amount of time needed for last slow execution, in seconds").add(lastSeconds);
  }
}
