package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.settings.LabelToggles;
import org.junit.jupiter.api.Test;

/** Not-cached requests by origin status, country and host, with origin time quantiles. */
class OriginStatusDatasetTest {
  @Test
  void countsAndQuantiles() throws Exception {
    DatasetRun run = new DatasetRun().parse(new OriginStatusDataset(), DatasetRun.ZONE, """
        {"origin_status": [{"count": 18000,
          "dimensions": {"originResponseStatus": 200, "clientCountryName": "GB",
            "clientRequestHTTPHost": "api.example.com"},
          "quantiles": {"originResponseDurationMsP50": 312, "originResponseDurationMsP95": 1840,
            "originResponseDurationMsP99": 2900}}]}""");
    String series = "example-account/GB/api.example.com/200/example.com=";
    assertThat(run.series(OriginStatusDataset.REQUESTS)).containsExactly(series + 18000);
    assertThat(run.series(OriginStatusDataset.P50)).containsExactly(series + 312);
    assertThat(run.series(OriginStatusDataset.P95)).containsExactly(series + 1840);
    assertThat(run.series(OriginStatusDataset.P99)).containsExactly(series + 2900);
  }

  @Test
  void theBasicVariantLeavesThePaidFieldsOut() {
    OriginStatusDataset d = new OriginStatusDataset();
    assertThat(d.selection(new NodeContext("$s0", "$e0", "\"d\"", "$limit",
        LabelToggles.all(), true))).doesNotContain("quantiles")
        .contains("cacheStatus_notin: [\"hit\"]");
    assertThat(d.selection(new NodeContext("$s0", "$e0", "\"d\"", "$limit",
        LabelToggles.all(), false))).contains("originResponseDurationMsP95");
  }
}
