package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Visitors' requests by cache status: the hit ratio of a zone without httpRequests1mGroups. */
class CacheStatusDatasetTest {
  @Test
  void countsRequestsAndBytesPerCacheStatus() throws Exception {
    DatasetRun run = new DatasetRun().parse(new CacheStatusDataset(), DatasetRun.ZONE, """
        {"cache_status": [
          {"count": 42, "dimensions": {"cacheStatus": "hit"}, "sum": {"edgeResponseBytes": 12345}},
          {"count": 8, "dimensions": {"cacheStatus": "miss"}, "sum": {"edgeResponseBytes": 999}}]}
        """);
    assertThat(run.series(CacheStatusDataset.REQUESTS)).containsExactly(
        "example-account/hit/example.com=42", "example-account/miss/example.com=8");
    assertThat(run.series(CacheStatusDataset.BYTES)).containsExactly(
        "example-account/hit/example.com=12345", "example-account/miss/example.com=999");
  }
}
