package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.settings.LabelToggles;
import org.junit.jupiter.api.Test;

/** R2 storage per bucket and in total, and operations today, as gauges for the day. */
class R2DatasetTest {
  @Test
  void storageAndOperationsOfTheDay() throws Exception {
    DatasetRun run = new DatasetRun().parse(new R2Dataset(), DatasetRun.ACCOUNT, """
        {"r2": [
          {"dimensions": {"bucketName": "assets"}, "max": {"payloadSize": 5000, "objectCount": 3}},
          {"dimensions": {"bucketName": "logs"}, "max": {"payloadSize": 700}}],
         "r2__operations": [{"dimensions": {"actionType": "PutObject", "bucketName": "logs"},
           "sum": {"requests": 12}}]}""");
    assertThat(run.series(R2Dataset.TOTAL)).containsExactly("Example Account=5700");
    assertThat(run.series(R2Dataset.BUCKET)).containsExactly("Example Account/assets=5000",
        "Example Account/logs=700");
    assertThat(run.series(R2Dataset.OPERATION)).containsExactly(
        "Example Account/logs/PutObject=12");
    assertThat(new R2Dataset().selection(new NodeContext("$s0", "$e0", "\"2024-05-20\"",
        "$limit", LabelToggles.all(), false)))
        .contains("filter: {date: \"2024-05-20\"}");
  }

  @Test
  void regionsAreLablabsContinents() {
    assertThat(Countries.region("DE")).isEqualTo("Europe");
    assertThat(Countries.region("BR")).isEqualTo("Americas");
    assertThat(Countries.region("AU")).isEqualTo("Oceania");
    assertThat(Countries.region("T1")).isEqualTo("Unknown");
  }
}
