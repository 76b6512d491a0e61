package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeCloudflare;
import io.exporters.testkit.Exposition;
import org.junit.jupiter.api.Test;

/** Load balancer pool origins and tunnels, read from each account's REST lists per poll. */
class RestSourcesTest {
  @Test
  void poolOriginsAndTunnelsAreGaugesOfTheLatestPoll() throws Exception {
    try (Harness h = Harness.start(2, 1)) {
      h.poll();
      Exposition m = h.scrape();
      String account = FakeAccounts.accountName(0);
      assertThat(m.value("cloudflare_pool_origin_health_status", "account", account,
          "pool_name", "pool-a", "origin_name", "origin-1", "ip", "192.0.2.10")).isEqualTo(1);
      assertThat(m.value("cloudflare_pool_origin_health_status", "origin_name", "origin-2"))
          .isZero();
      assertThat(m.value("cloudflare_tunnel_info", "tunnel_id", "t-1", "tunnel_name", "home",
          "tunnel_type", "cfd_tunnel")).isEqualTo(1);
      assertThat(m.value("cloudflare_tunnel_health_status", "tunnel_id", "t-1")).isEqualTo(2);
      assertThat(m.value("cloudflare_tunnel_connector_info", "client_id", "c-1", "arch",
          "linux_amd64", "version", "2024.5.0", "origin_ip", "198.51.100.7")).isEqualTo(1);
      assertThat(m.value("cloudflare_tunnel_connector_active_connections", "client_id", "c-1"))
          .isEqualTo(2);
      assertThat(m.value("cloudflare_r2_storage_total_bytes", "account", account))
          .isEqualTo(5_000_000);
      assertThat(m.value("cloudflare_exporter_last_window_end_timestamp_seconds", "dataset",
          "tunnels")).isEqualTo(Harness.START.getEpochSecond());
    }
  }

  @Test
  void aTokenWithoutThePoolsPermissionIsToldWhichAndTheRestGoesOn() throws Exception {
    try (Harness h = Harness.start(2, 1)) {
      h.fake.intercept(r -> r.path().endsWith("/load_balancers/pools")
          ? FakeCloudflare.Reply.of(403, "{\"success\":false,\"errors\":[{\"code\":10000,"
              + "\"message\":\"Authentication error\"}]}") : null);
      h.poll();
      h.pollAfter(1);
      Exposition m = h.scrape();
      assertThat(h.fake.requests().stream().filter(r -> r.path().endsWith("/pools")))
          .as("asked once, not every poll").hasSize(1);
      assertThat(h.app.get("/status").text()).contains("the API token lacks the permission "
          + "'Account > Load Balancing: Monitors and Pools > Read' needed for pool_origins");
      assertThat(m.value("cloudflare_scrape_collector_success", "collector", "pool_origins"))
          .isZero();
      assertThat(m.value("cloudflare_tunnel_health_status", "tunnel_id", "t-1")).isEqualTo(2);
      assertThat(m.value("cloudflare_up")).isEqualTo(1);
    }
  }
}
