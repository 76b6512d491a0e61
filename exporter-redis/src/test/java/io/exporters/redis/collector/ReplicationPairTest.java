package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A private master with a private replica: the master reports its replica's offset and lag,
 * the replica its link, its master and its offset, and each says its role.
 */
class ReplicationPairTest {
  @Test
  void bothSidesReportTheirReplication() throws Exception {
    try (PrivateRedis master = PrivateRedis.start();
        PrivateRedis replica = PrivateRedis.start("--replicaof", "127.0.0.1",
            Integer.toString(master.port()));
        InProcessExporter e = Scrapes.exporter()) {
      try (Jedis m = master.client()) {
        m.set("replicated", "yes");
        waitForLink(replica);
        m.waitReplicas(1, 5000);
      }
      Exposition onMaster = Scrapes.scrape(e, master.url(), 5);
      Exposition onReplica = Scrapes.scrape(e, replica.url(), 5);

      assertThat(onMaster.value("redis_connected_slaves")).isEqualTo(1);
      String port = Integer.toString(replica.port());
      assertThat(onMaster.value("redis_connected_slave_offset_bytes", "slave_ip", "127.0.0.1",
          "slave_port", port, "slave_state", "online")).isPositive();
      assertThat(onMaster.value("redis_connected_slave_lag_seconds", "slave_port", port))
          .isBetween(0.0, 5.0);
      assertThat(onMaster.samples("redis_instance_info").get(0).labels())
          .containsEntry("role", "master");
      assertThat(onMaster.family("redis_slave_info")).isEmpty();

      String masterPort = Integer.toString(master.port());
      assertThat(onReplica.value("redis_master_link_up", "master_host", "127.0.0.1",
          "master_port", masterPort)).isEqualTo(1);
      assertThat(onReplica.value("redis_master_sync_in_progress", "master_port", masterPort))
          .isZero();
      assertThat(onReplica.value("redis_master_last_io_seconds_ago", "master_port",
          masterPort)).isBetween(0.0, 10.0);
      assertThat(onReplica.value("redis_slave_repl_offset", "master_port", masterPort))
          .isPositive();
      assertThat(onReplica.value("redis_slave_info", "master_host", "127.0.0.1",
          "master_port", masterPort, "read_only", "1")).isEqualTo(1);
      assertThat(onReplica.samples("redis_instance_info").get(0).labels())
          .containsEntry("role", "slave");
      assertThat(onReplica.value("redis_db_keys", "db", "db0")).isEqualTo(1);

      // The master goes away: the replica says its link is down.
      master.stop();
      Exposition linkDown = null;
      for (int i = 0; i < 50; i++) {
        linkDown = Scrapes.scrape(e, replica.url(), 5);
        if (linkDown.value("redis_master_link_up", "master_port", masterPort) == 0) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(linkDown.value("redis_master_link_up", "master_port", masterPort)).isZero();
    }
  }

  private static void waitForLink(PrivateRedis replica) throws InterruptedException {
    try (Jedis r = replica.client()) {
      for (int i = 0; i < 100; i++) {
        if (r.info("replication").contains("master_link_status:up")) {
          return;
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the replica did not connect to its master");
  }
}
