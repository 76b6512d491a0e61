package io.exporters.redis;

import io.exporters.testkit.PrivateRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Three private redis-server processes in cluster mode, joined into one cluster with every slot
 * assigned ({@code redis-cli --cluster create}); closing it stops them all.
 */
public final class PrivateCluster implements AutoCloseable {
  private final List<PrivateRedis> nodes = new ArrayList<>();

  public static PrivateCluster start() throws Exception {
    PrivateCluster cluster = new PrivateCluster();
    try {
      for (int i = 0; i < 3; i++) {
        cluster.nodes.add(PrivateRedis.start("--cluster-enabled", "yes",
            "--cluster-node-timeout", "2000"));
      }
      List<String> command = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster",
          "create"));
      cluster.nodes.forEach(n -> command.add(n.address()));
      command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(create.getInputStream().readAllBytes());
      if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
        throw new AssertionError("redis-cli --cluster create failed: " + out);
      }
      cluster.awaitOk();
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  private void awaitOk() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      boolean ok = true;
      for (PrivateRedis node : nodes) {
        try (Jedis j = node.client()) {
          String info = j.clusterInfo();
          ok &= info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3");
        }
      }
      if (ok) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the cluster did not come up");
  }

  public List<PrivateRedis> nodes() {
    return nodes;
  }

  /** SET on the node that holds the key's slot, following MOVED as a cluster client would. */
  public void set(String key, String value) {
    try (Jedis j = nodes.get(0).client()) {
      j.set(key, value);
    } catch (JedisDataException e) {
      String[] moved = e.getMessage().split(" ");
      int port = Integer.parseInt(moved[2].substring(moved[2].lastIndexOf(':') + 1));
      for (PrivateRedis node : nodes) {
        if (node.port() == port) {
          try (Jedis j = node.client()) {
            j.set(key, value);
          }
        }
      }
    }
  }

  @Override
  public void close() {
    for (PrivateRedis node : nodes) {
      node.close();
    }
  }
}
