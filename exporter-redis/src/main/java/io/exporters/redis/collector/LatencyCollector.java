package io.exporters.redis.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import io.exporters.redis.settings.Output;
import java.util.List;
import java.util.Optional;

/**
 * {@code LATENCY LATEST}: per latency event, when its last spike happened and how long it was.
 * Skipped on Sentinel, and without a word where LATENCY is renamed or refused (Redis
 * Enterprise, ElastiCache Serverless) once that is found out.
 */
public final class LatencyCollector implements Collector<RedisConnection> {
  private final Output out;

  public LatencyCollector(Output out) {
    this.out = out;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (connection.facts().isSentinel()) {
      return;
    }
    Optional<Object> reply = connection.callIfAllowed("latency", "LATENCY", "LATEST");
    if (reply.isEmpty()) {
      return;
    }
    for (Object event : Replies.list(reply.get())) {
      List<Object> fields = Replies.list(event);
      if (fields.size() < 3) {
        continue;
      }
      String name = Replies.text(fields.get(0));
      Long last = Replies.number(fields.get(1));
      Long latestMs = Replies.number(fields.get(2));
      if (name == null || last == null || latestMs == null) {
        continue;
      }
      sink.gauge(out.name("latency_spike_last"), "When the latency spike last occurred",
          "event_name").add(last, name);
      sink.gauge(out.name("latency_spike_duration_seconds"),
          "Length of the last latency spike in seconds", "event_name").add(latestMs / 1e3, name);
    }
  }
}
