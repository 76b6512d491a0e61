package io.exporters.redis.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import io.exporters.redis.info.Info;
import io.exporters.redis.settings.Output;
import java.util.Optional;

/**
 * {@code CLUSTER INFO} of a node in cluster mode: every {@code cluster_*} line as a gauge under
 * its own name ({@code cluster_state} ok is 1), the two message totals renamed as the anchor
 * does. Standalone servers and Sentinels are not asked.
 */
public final class ClusterCollector implements Collector<RedisConnection> {
  private final FieldMetrics fields;

  public ClusterCollector(Output out) {
    this.fields = new FieldMetrics(out, false);
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (!connection.facts().isCluster()) {
      return;
    }
    Optional<Object> reply = connection.callIfAllowed("cluster", "CLUSTER", "INFO");
    if (reply.isPresent()) {
      fields.write(Info.parse("# Cluster\n" + Replies.text(reply.get())), sink);
    }
  }
}
