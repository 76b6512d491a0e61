package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.redis.PrivateCluster;
import io.exporters.redis.RedisExporter;
import io.exporters.redis.Scrapes;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A private three-node cluster: CLUSTER INFO per node; from one seed, every node with a node
 * label (--cluster-all-nodes), keys checked on the node that holds them; and
 * /discover-cluster-nodes for Prometheus' HTTP service discovery.
 */
class ClusterCollectorTest {
  @Test
  void oneSeedGivesEveryNodeAndTheirDiscovery() throws Exception {
    try (PrivateCluster cluster = PrivateCluster.start()) {
      for (int i = 0; i < 30; i++) {
        cluster.set("ck:" + i, Integer.toString(i));
      }
      List<String> nodes = new ArrayList<>();
      cluster.nodes().forEach(n -> nodes.add(n.address()));
      PrivateRedis seed = cluster.nodes().get(0);
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(
          "--is-cluster", "--cluster-all-nodes", "--check-keys=ck:*"),
          Map.of("REDIS_ADDR", seed.url()))) {
        Exposition s = e.scrape();
        double keys = 0;
        for (String node : nodes) {
          assertThat(s.value("redis_up", "node", node)).isEqualTo(1);
          assertThat(s.value("redis_cluster_state", "node", node)).isEqualTo(1);
          assertThat(s.value("redis_cluster_known_nodes", "node", node)).isEqualTo(3);
          assertThat(s.value("redis_cluster_enabled", "node", node)).isEqualTo(1);
          // A cluster has one database: no padding beyond db0.
          assertThat(s.samples("redis_db_keys").stream()
              .filter(k -> node.equals(k.labels().get("node")))).hasSize(1);
          keys += s.value("redis_db_keys", "node", node, "db", "db0");
        }
        assertThat(keys).isEqualTo(30);
        // Each key is found on the node that holds it.
        assertThat(s.samples("redis_key_size")).hasSize(30);
        // The seed's own up, beside each node's.
        assertThat(s.samples("redis_up")).filteredOn(u -> u.labels().isEmpty())
            .singleElement().satisfies(u -> assertThat(u.value()).isEqualTo(1));

        JsonNode sd = new ObjectMapper().readTree(e.get("/discover-cluster-nodes").text());
        List<String> targets = new ArrayList<>();
        sd.get(0).get("targets").forEach(t -> targets.add(t.asText()));
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
            nodes.stream().map(n -> "redis://" + n).toList());
        assertThat(sd.get(0).get("labels").isObject()).isTrue();

        // A /scrape target is scraped alone, without a node label.
        Exposition alone = Scrapes.scrape(e, cluster.nodes().get(1).url(), 5);
        assertThat(alone.value("redis_cluster_state")).isEqualTo(1);
        assertThat(alone.find("redis_up", "node", nodes.get(1))).isEmpty();

        // A node down costs its own series only.
        cluster.nodes().get(2).stop();
        Exposition oneDown = e.scrape();
        assertThat(oneDown.value("redis_up", "node", nodes.get(2))).isZero();
        assertThat(oneDown.find("redis_connected_clients", "node", nodes.get(2))).isEmpty();
        assertThat(oneDown.value("redis_up", "node", nodes.get(0))).isEqualTo(1);
        assertThat(oneDown.value("redis_cluster_known_nodes", "node", nodes.get(1)))
            .isEqualTo(3);
      }
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
          Map.of("REDIS_ADDR", seed.url()))) {
        assertThat(e.get("/discover-cluster-nodes").status()).isEqualTo(400);
        assertThat(e.scrape().value("redis_cluster_slots_assigned")).isEqualTo(16384);
      }
    }
  }
}
