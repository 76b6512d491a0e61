package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Requests answered by a zone's Workers, by HTTP status: where a Worker 5xx alert looks. */
class WorkerStatusDatasetTest {
  @Test
  void countsRequestsPerHttpStatus() throws Exception {
    DatasetRun run = new DatasetRun().parse(new WorkerStatusDataset(), DatasetRun.ZONE, """
        {"worker_status": [
          {"dimensions": {"httpResponseStatus": 200}, "sum": {"requests": 990, "subrequests": 3}},
          {"dimensions": {"httpResponseStatus": 503}, "sum": {"requests": 10}}]}""");
    assertThat(run.series(WorkerStatusDataset.REQUESTS)).containsExactly(
        "example-account/200/example.com=990", "example-account/503/example.com=10");
  }
}
