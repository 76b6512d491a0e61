package io.exporters.redis.collector;

import io.exporters.redis.client.RedisAddress;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes of a Redis Cluster as one node sees them ({@code CLUSTER NODES}): every node with an
 * address that is not failed or still joining, masters and replicas, by IP (or by hostname, when
 * asked and announced). Remembered for a short while so the collectors of one scrape agree.
 */
public final class ClusterNodes {
  static final Duration FRESH = Duration.ofSeconds(15);
  /** How long a node that failed is skipped by the other collectors. */
  static final Duration UNREACHABLE = Duration.ofSeconds(10);

  private final boolean hostnames;
  private final Map<String, Long> failedNanos = new ConcurrentHashMap<>();
  private List<String> nodes = List.of();
  private long foundNanos;

  public ClusterNodes(boolean hostnames) {
    this.hostnames = hostnames;
  }

  /** {@code host:port} of each node, from the seed's view (asked again after a while). */
  public synchronized List<String> of(RedisConnection seed) {
    if (nodes.isEmpty() || System.nanoTime() - foundNanos > FRESH.toNanos()) {
      nodes = parse(Replies.text(seed.call("CLUSTER", "NODES")), hostnames,
          seed.address().host());
      foundNanos = System.nanoTime();
    }
    return nodes;
  }

  /** Whether a node failed within the last {@link #UNREACHABLE}. */
  public boolean unreachable(String node) {
    Long failed = failedNanos.get(node);
    if (failed != null && System.nanoTime() - failed > UNREACHABLE.toNanos()) {
      failedNanos.remove(node, failed);
      return false;
    }
    return failed != null;
  }

  public void markUnreachable(String node) {
    failedNanos.put(node, System.nanoTime());
  }

  /**
   * Lines like {@code <id> 10.0.0.1:7000@17000[,host] master,myself - 0 0 1 connected 0-5460}.
   * A node announced without an IP (the seed itself in some versions) takes the seed's host.
   */
  static List<String> parse(String reply, boolean hostnames, String seedHost) {
    List<String> out = new ArrayList<>();
    for (String line : reply.split("\n")) {
      String[] parts = line.strip().split(" ");
      if (parts.length < 3) {
        continue;
      }
      String flags = parts[2];
      if (flags.contains("fail") || flags.contains("handshake") || flags.contains("noaddr")) {
        continue;
      }
      String address = parts[1];
      String hostname = null;
      int comma = address.indexOf(',');
      if (comma >= 0) {
        hostname = address.substring(comma + 1);
        address = address.substring(0, comma);
      }
      int at = address.indexOf('@');
      if (at >= 0) {
        address = address.substring(0, at);
      }
      int colon = address.lastIndexOf(':');
      if (colon < 0 || address.endsWith(":0")) {
        continue;
      }
      String host = address.substring(0, colon);
      String port = address.substring(colon + 1);
      if (hostnames && hostname != null && !hostname.isEmpty()) {
        host = hostname;
      } else if (host.isEmpty()) {
        host = seedHost;
      }
      String node = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
          + ":" + port;
      // Whatever a node announces must still be an address we would accept from an operator.
      try {
        RedisAddress.parse(node);
        if (!out.contains(node)) {
          out.add(node);
        }
      } catch (IllegalArgumentException ignored) {
        // Skipped: not an address.
      }
    }
    return out;
  }
}
