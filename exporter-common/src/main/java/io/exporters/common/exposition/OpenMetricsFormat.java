package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import java.util.List;

/**
 * Writes OpenMetrics 1.0 text: families sorted by name, floats as the text format writes them,
 * {@code # EOF} at the end. A counter's family name drops its {@code _total} (its samples keep
 * it); a counter the anchors name without {@code _total} is written as {@code unknown} so that
 * the series keeps the name dashboards query. Untyped families are {@code unknown} too.
 */
public final class OpenMetricsFormat {
  public static final String CONTENT_TYPE =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private OpenMetricsFormat() {}

  public static void write(Utf8Buffer out, List<MetricFamily> families) {
    write(out, families, System.identityHashCode(families));
  }

  /** {@code round}: what tells the rounds apart, for the families' kept text. */
  public static void write(Utf8Buffer out, List<MetricFamily> families, int round) {
    LabelValues labels = new LabelValues();
    for (MetricFamily family : FamilyOrder.sortedNonEmpty(families)) {
      TextFormat.writeKept(out, family, Exposition.Format.OPENMETRICS, round, labels,
          OpenMetricsFormat::writeFamily);
    }
    out.write("# EOF\n");
  }

  private static void writeFamily(Utf8Buffer out, MetricFamily family, LabelValues labels) {
    String name = family.name();
    String type;
    switch (family.type()) {
      case COUNTER:
        if (name.endsWith("_total")) {
          name = name.substring(0, name.length() - "_total".length());
          type = "counter";
        } else {
          type = "unknown";
        }
        break;
      case UNTYPED:
        type = "unknown";
        break;
      default:
        type = family.type().text();
    }
    out.write("# TYPE ");
    out.write(name);
    out.write(' ');
    out.write(type);
    out.write('\n');
    if (!family.help().isEmpty()) {
      out.write("# HELP ");
      out.write(name);
      out.write(' ');
      out.writeEscaped(family.help(), true);
      out.write('\n');
    }
    TextFormat.writeSamples(out, family, labels);
  }
}
