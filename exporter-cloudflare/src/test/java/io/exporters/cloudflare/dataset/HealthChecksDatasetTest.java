package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Health check events by status, origin, region and FQDN. */
class HealthChecksDatasetTest {
  @Test
  void countsEventsPerOrigin() throws Exception {
    DatasetRun run = new DatasetRun().parse(new HealthChecksDataset(), DatasetRun.ZONE, """
        {"health_checks": [{"count": 4, "dimensions": {"healthStatus": "unhealthy",
          "originIP": "192.0.2.1", "region": "WEU", "fqdn": "origin.example.com"}}]}""");
    assertThat(run.series(HealthChecksDataset.EVENTS)).containsExactly(
        "example-account/origin.example.com/unhealthy/192.0.2.1/WEU/example.com=4");
  }
}
