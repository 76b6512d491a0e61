package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edge time to first byte quantiles per host, replaced by each window. */
class EdgeLatencyDatasetTest {
  @Test
  void quantilesPerHostAreGaugesOfTheLatestWindow() throws Exception {
    DatasetRun run = new DatasetRun().parse(new EdgeLatencyDataset(), DatasetRun.ZONE, """
        {"edge_latency": [{"count": 42000, "dimensions": {"clientRequestHTTPHost": "api.example.com"},
          "quantiles": {"edgeTimeToFirstByteMsP50": 80, "edgeTimeToFirstByteMsP95": 2410,
            "edgeTimeToFirstByteMsP99": 5000}}]}""");
    assertThat(run.series(EdgeLatencyDataset.P95)).containsExactly(
        "example-account/api.example.com/example.com=2.41");
    run.parse(new EdgeLatencyDataset(), DatasetRun.ZONE, "{\"edge_latency\": []}");
    assertThat(run.series(EdgeLatencyDataset.P95)).as("no requests, no quantile").isEmpty();
  }
}
