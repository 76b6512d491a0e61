package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pool requests count up; pool health is 0 when any request of the window saw it unhealthy. */
class LoadBalancersDatasetTest {
  @Test
  void countsPoolRequestsAndTakesTheWorstHealthSeen() throws Exception {
    DatasetRun run = new DatasetRun().parse(new LoadBalancersDataset(), DatasetRun.ZONE, """
        {"load_balancers": [{"count": 7, "dimensions": {"lbName": "lb.example.com",
            "selectedPoolName": "eu", "selectedOriginName": "o1"}}],
         "load_balancers__pools": [
          {"lbName": "lb.example.com", "pools": [{"poolName": "eu", "healthy": true},
            {"poolName": "us", "healthy": true}]},
          {"lbName": "lb.example.com", "pools": [{"poolName": "us", "healthy": false}]}]}""");
    assertThat(run.series(LoadBalancersDataset.REQUESTS)).containsExactly(
        "example-account/lb.example.com/o1/eu/example.com=7");
    assertThat(run.series(LoadBalancersDataset.HEALTH)).containsExactly(
        "example-account/lb.example.com/eu/example.com=1",
        "example-account/lb.example.com/us/example.com=0");
  }
}
