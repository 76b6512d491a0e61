package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.settings.LabelToggles;
import org.junit.jupiter.api.Test;

/** Failed Logpush uploads: lablabs' labels (zone jobs without a zone, account jobs by id). */
class LogpushDatasetTest {
  private static final String ROWS = """
      {"%s": [{"count": 3, "dimensions": {"jobId": 12, "destinationType": "s3", "final": 1,
        "status": 500}}]}""";

  @Test
  void zoneAndAccountJobsKeepLablabsLabels() throws Exception {
    DatasetRun zone = new DatasetRun().parse(LogpushDataset.zones(), DatasetRun.ZONE,
        ROWS.formatted("logpush_zone"));
    assertThat(zone.series(LogpushDataset.ZONE_FAILURES)).containsExactly("s3/1/12=3");
    DatasetRun account = new DatasetRun().parse(LogpushDataset.accounts(), DatasetRun.ACCOUNT,
        ROWS.formatted("logpush_account"));
    assertThat(account.series(LogpushDataset.ACCOUNT_FAILURES)).containsExactly(
        "acc1/s3/1/12=3");
    assertThat(LogpushDataset.zones().selection(new NodeContext("$s0", "$e0", "\"d\"",
        "$limit", LabelToggles.all(), false)))
        .contains("status_neq: 200");
  }
}
