package io.exporters.cloudflare;

import io.exporters.testkit.EveryFormat;
import org.junit.jupiter.api.Test;

/** /metrics with the fake API's data (summaries with lablabs' P50-style quantiles included). */
class EveryFormatTest {
  @Test
  void everyFormatServesTheSameSeries() throws Exception {
    try (Harness h = Harness.start(2, 2, "--enable_edge_errors_by_path")) {
      h.poll();
      h.pollAfter(1);
      EveryFormat.check(h.app, "/metrics");
    }
  }
}
