package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CLUSTER NODES as the discovery and the fan-out read it. */
class ClusterNodesTest {
  private static final String REPLY = String.join("\n",
      "a1 10.0.0.1:7000@17000,node-a master,myself - 0 0 1 connected 0-5460",
      "b2 10.0.0.2:7001@17001,node-b master - 0 1700000000 2 connected 5461-10922",
      "c3 10.0.0.3:7002@17002 slave b2 0 1700000000 2 connected",
      "d4 10.0.0.4:7003@17003 master,fail - 0 1700000000 3 disconnected",
      "e5 :0@0 master,noaddr - 0 0 0 disconnected",
      "f6 :7005@17005 myself,master - 0 0 4 connected 10923-16383",
      "");

  @Test
  void liveNodesByAddressWithTheSeedsHostForTheUnannounced() {
    assertThat(ClusterNodes.parse(REPLY, false, "127.0.0.1")).containsExactly(
        "10.0.0.1:7000", "10.0.0.2:7001", "10.0.0.3:7002", "127.0.0.1:7005");
  }

  @Test
  void hostnamesWhenAskedAndAnnounced() {
    List<String> nodes = ClusterNodes.parse(REPLY, true, "seed");
    assertThat(nodes).startsWith("node-a:7000", "node-b:7001", "10.0.0.3:7002");
  }

  @Test
  void streamIdsAreTheirMillisecondPart() {
    assertThat(StreamsCollector.idMillis("1700000000123-7")).isEqualTo(1.700000000123e12);
    assertThat(StreamsCollector.idMillis("0-0")).isZero();
    assertThat(StreamsCollector.idMillis(null)).isZero();
  }
}
