package io.exporters.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Lease;
import io.exporters.common.backend.Target;
import io.exporters.common.server.Endpoint;
import io.exporters.redis.client.RedisAddress;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.collector.ClusterNodes;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /discover-cluster-nodes}: the nodes of the cluster {@code --redis.addr} belongs to, as
 * Prometheus HTTP service discovery JSON ({@code [{"targets": ["redis://ip:port", ...],
 * "labels": {}}]}), to scrape each through {@code /scrape}. Needs {@code --is-cluster}.
 */
final class DiscoveryEndpoint implements Endpoint {
  static final String PATH = "/discover-cluster-nodes";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<Target> seed;
  private final boolean cluster;
  private final ClusterNodes nodes;
  private final ConnectionSource<RedisConnection> connections;

  DiscoveryEndpoint(RedisSettings settings, ConnectionSource<RedisConnection> connections) {
    this.seed = RedisTargets.defaultTarget(settings);
    this.cluster = RedisSettings.on(settings.isCluster());
    this.nodes = new ClusterNodes(RedisSettings.on(settings.clusterDiscoverHostnames()));
    this.connections = connections;
  }

  @Override
  public Answer answer(Map<String, String> params, Deadline deadline) throws Exception {
    if (!cluster || seed.isEmpty()) {
      return Answer.text(400, "The discovery endpoint is only available on a redis cluster "
          + "(--is-cluster with --redis.addr)\n");
    }
    String scheme = RedisAddress.parse(seed.get().address()).tls() ? "rediss://" : "redis://";
    ArrayNode targets = JSON.createArrayNode();
    try (Lease<RedisConnection> lease = connections.acquire(seed.get(), deadline)) {
      for (String node : nodes.of(lease.connection().limitTo(deadline))) {
        targets.add(scheme + node);
      }
    }
    ObjectNode group = JSON.createObjectNode();
    group.set("targets", targets);
    group.set("labels", JSON.createObjectNode());
    return Answer.json(JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(JSON.createArrayNode().add(group)));
  }
}
