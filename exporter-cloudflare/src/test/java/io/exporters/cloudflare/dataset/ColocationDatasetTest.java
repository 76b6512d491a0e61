package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.settings.LabelToggles;
import org.junit.jupiter.api.Test;

/** Visits, bytes and requests per data centre and host (no minute dimension, unlike lablabs). */
class ColocationDatasetTest {
  @Test
  void countsPerColocationAndHost() throws Exception {
    DatasetRun run = new DatasetRun().parse(new ColocationDataset(), DatasetRun.ZONE, """
        {"colocation": [{"count": 10, "avg": {"sampleInterval": 1},
          "dimensions": {"coloCode": "FRA", "clientRequestHTTPHost": "www.example.com"},
          "sum": {"edgeResponseBytes": 19849385, "visits": 4383}}]}""");
    String s = "example-account/FRA/www.example.com/example.com=";
    assertThat(run.series(ColocationDataset.VISITS)).containsExactly(s + 4383);
    assertThat(run.series(ColocationDataset.BYTES)).containsExactly(s + 19849385);
    assertThat(run.series(ColocationDataset.REQUESTS)).containsExactly(s + 10);
    assertThat(new ColocationDataset().selection(new NodeContext("$s0", "$e0", "\"d\"",
        "$limit", LabelToggles.all(), false)))
        .doesNotContain("datetime }");
  }
}
