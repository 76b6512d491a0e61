package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.settings.LabelToggles;
import org.junit.jupiter.api.Test;

/** Visitors' requests by edge status, country and host; each label can be switched off. */
class EdgeStatusDatasetTest {
  private static final String ROWS = """
      {"edge_status": [
        {"count": 40, "dimensions": {"edgeResponseStatus": 200, "clientCountryName": "US",
          "clientRequestHTTPHost": "www.example.com"}},
        {"count": 2, "dimensions": {"edgeResponseStatus": 502, "clientCountryName": "DE",
          "clientRequestHTTPHost": "api.example.com"}}]}""";

  @Test
  void countsByStatusCountryAndHost() throws Exception {
    DatasetRun run = new DatasetRun().parse(new EdgeStatusDataset(), DatasetRun.ZONE, ROWS);
    assertThat(run.series(EdgeStatusDataset.REQUESTS)).containsExactly(
        "example-account/DE/api.example.com/502/example.com=2",
        "example-account/US/www.example.com/200/example.com=40");
  }

  @Test
  void withoutCountryOrHostTheyAreNeitherAskedNorLabelled() throws Exception {
    DatasetRun run = new DatasetRun();
    run.labels = new LabelToggles(false, false, null, null);
    String q = new EdgeStatusDataset().selection(new NodeContext("$s0", "$e0", "\"d\"",
        "$limit", run.labels, false));
    assertThat(q).contains("dimensions { edgeResponseStatus }")
        .contains("requestSource_in: [\"eyeball\"]");
    run.parse(new EdgeStatusDataset(), DatasetRun.ZONE, ROWS);
    assertThat(run.series(EdgeStatusDataset.REQUESTS)).containsExactly(
        "example-account///200/example.com=40", "example-account///502/example.com=2");
  }
}
