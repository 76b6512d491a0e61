package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.settings.LabelToggles;
import org.junit.jupiter.api.Test;

/** workersInvocationsAdaptive, on the rows of Cloudflare's Workers tutorial answer. */
class WorkersDatasetTest {
  @Test
  void countsRequestsAndErrorsAndKeepsTheLatestQuantiles() throws Exception {
    // reference §3.8 (e): scriptName/status rows with float quantiles; a second status added.
    DatasetRun run = new DatasetRun().parse(new WorkersDataset(), DatasetRun.ACCOUNT, """
        {"workers": [
          {"dimensions": {"scriptName": "worker-subrequest-test-client", "status": "success"},
           "quantiles": {"cpuTimeP50": 212.5, "cpuTimeP75": 230, "cpuTimeP99": 261.19,
             "cpuTimeP999": 290, "durationP50": 0.0001, "wallTimeP50": 1000,
             "wallTimeP99": 2400000},
           "sum": {"errors": 0, "requests": 6, "subrequests": 0}},
          {"dimensions": {"scriptName": "worker-subrequest-test-client",
             "status": "scriptThrewException"},
           "quantiles": {"cpuTimeP50": 1},
           "sum": {"errors": 2, "requests": 2}}]}""");
    String s = "example-account/worker-subrequest-test-client/";
    assertThat(run.series(WorkersDataset.REQUESTS)).containsExactly(s + "scriptThrewException=2",
        s + "success=6");
    assertThat(run.series(WorkersDataset.ERRORS)).containsExactly(s + "scriptThrewException=2",
        s + "success=0");
    assertThat(run.series(WorkersDataset.CPU_TIME)).contains(
        "example-account/P50/worker-subrequest-test-client/success=212.5",
        "example-account/P99/worker-subrequest-test-client/success=261.19");
    assertThat(run.series(WorkersDataset.WALL_TIME)).contains(
        "example-account/P99/worker-subrequest-test-client/success=2400000");
  }

  @Test
  void asksForTheQuantilesLablabsExportsAndWallTime() {
    String q = new WorkersDataset().selection(new NodeContext("$s0", "$e0", "\"d\"", "$limit",
        LabelToggles.all(), false));
    assertThat(q).startsWith("workers: workersInvocationsAdaptive(limit: $limit")
        .contains("dimensions { scriptName status }", "sum { requests errors duration }",
            "cpuTimeP50", "cpuTimeP999", "durationP75", "wallTimeP99");
  }
}
