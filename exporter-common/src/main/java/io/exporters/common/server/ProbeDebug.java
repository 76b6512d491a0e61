package io.exporters.common.server;

import io.exporters.common.exposition.TextFormat;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.scrape.CollectorOutcome;
import io.exporters.common.scrape.ScrapeResult;
import io.exporters.common.secret.SecretMasker;
import java.util.List;

/**
 * The answer to {@code /probe?...&debug=true}, in blackbox_exporter's layout: what each collector
 * logged while probing, then the metrics the probe would have returned. Secrets are masked.
 */
final class ProbeDebug {
  private ProbeDebug() {}

  static String render(ScrapeResult result, List<MetricFamily> families) {
    StringBuilder out = new StringBuilder("Logs for the probe:\n");
    for (CollectorOutcome o : result.outcomes()) {
      for (String line : o.debug()) {
        out.append(o.collector()).append(": ").append(line).append('\n');
      }
      out.append(o.collector()).append(": ").append(o.status().name().toLowerCase())
          .append(o.error() == null ? "" : " (" + o.error() + ")")
          .append(String.format(" in %.3fs", o.durationSeconds())).append('\n');
    }
    out.append("\n\n\nMetrics that would have been returned:\n")
        .append(TextFormat.toText(families));
    return SecretMasker.mask(out.toString());
  }
}
