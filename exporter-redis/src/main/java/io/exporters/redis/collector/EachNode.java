package io.exporters.redis.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisAddress;
import io.exporters.redis.client.RedisConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --cluster-all-nodes}: runs a collector on every node of the cluster that the seed
 * ({@code --redis.addr}) knows, with the seed's login, each node's series labelled
 * {@code node="host:port"}; a node that cannot be reached gets {@code redis_up{node} 0} and no
 * other series. Only the configured seed fans out: a /scrape target is scraped alone, so no
 * caller can steer the configured login to addresses of its choosing.
 */
public final class EachNode implements Collector<RedisConnection> {
  private final Target seed;
  private final ClusterNodes nodes;
  private final Collector<RedisConnection> perNode;
  private final String upMetric;

  /** {@code upMetric} is set on one wrapped collector only, which then reports each node's up. */
  public EachNode(Target seed, ClusterNodes nodes, Collector<RedisConnection> perNode,
      String upMetric) {
    this.seed = seed;
    this.nodes = nodes;
    this.perNode = perNode;
    this.upMetric = upMetric;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    if (!ctx.target().key().equals(seed.key())) {
      perNode.collect(ctx, sink);
      return;
    }
    List<String> found = nodes.of(ctx.connection().limitTo(ctx.deadline()));
    String scheme = RedisAddress.parse(seed.address()).tls() ? "rediss://" : "redis://";
    for (String node : found) {
      // One collector finding a node unreachable spares the others the wait.
      if (nodes.unreachable(node)) {
        up(sink, node, 0);
        continue;
      }
      Target target = seed.withAddress(scheme + node);
      try {
        up(sink, node, collectOn(ctx, sink, node, target) ? 1 : 0);
      } finally {
        ctx.release(target);
      }
    }
  }

  /** Runs the collector on one node; false when the node could not be reached or was lost. */
  private boolean collectOn(ScrapeContext<RedisConnection> ctx, MetricSink sink, String node,
      Target target) throws Exception {
    RedisConnection connection;
    try {
      connection = ctx.connection(target);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      ctx.debug("node " + node + " unreachable: " + e.getMessage());
      nodes.markUnreachable(node);
      return false;
    }
    try {
      perNode.collect(new OnNode(ctx, target, connection), new NodeLabel(sink, node));
      return true;
    } catch (RuntimeException e) {
      // This node's series are cut short; the other nodes' still come.
      ctx.debug("node " + node + ": " + e.getMessage());
      if (connection.isBroken()) {
        nodes.markUnreachable(node);
        return false;
      }
      return true;
    }
  }

  private void up(MetricSink sink, String node, double value) {
    if (upMetric != null) {
      sink.gauge(upMetric, "Whether the node could be reached (1) or not (0).", "node")
          .add(value, node);
    }
  }

  /** The scrape's context with the node as its target and connection. */
  private record OnNode(ScrapeContext<RedisConnection> outer, Target target,
      RedisConnection node) implements ScrapeContext<RedisConnection> {
    @Override
    public Deadline deadline() {
      return outer.deadline();
    }

    @Override
    public RedisConnection connection() {
      return node;
    }

    @Override
    public RedisConnection connection(Target other) throws Exception {
      return other.key().equals(target.key()) ? node : outer.connection(other);
    }

    @Override
    public void release(Target other) {
      if (!other.key().equals(target.key())) {
        outer.release(other);
      }
    }

    @Override
    public Optional<Version> backendVersion() {
      return Optional.ofNullable(node.facts().version());
    }

    @Override
    public Map<String, String> options() {
      return outer.options();
    }

    @Override
    public void debug(String line) {
      outer.debug(line);
    }
  }
}
