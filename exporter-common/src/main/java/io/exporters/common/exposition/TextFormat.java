package io.exporters.common.exposition;

import io.exporters.common.metrics.GoFloat;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.Sample;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the Prometheus text format 0.0.4 the way the Go client does: families sorted by name,
 * label pairs sorted, floats in Go's shortest {@code %g} form ({@code 7.748967e+06}). Names are
 * written exactly as given; nothing is appended to counters.
 */
public final class TextFormat {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private TextFormat() {}

  public static void write(Utf8Buffer out, List<MetricFamily> families) {
    write(out, families, System.identityHashCode(families));
  }

  /** {@code round}: what tells the rounds apart, for the families' kept text. */
  public static void write(Utf8Buffer out, List<MetricFamily> families, int round) {
    LabelValues labels = new LabelValues();
    for (MetricFamily family : FamilyOrder.sortedNonEmpty(families)) {
      writeKept(out, family, Exposition.Format.TEXT, round, labels, TextFormat::writeFamily);
    }
  }

  private static void writeFamily(Utf8Buffer out, MetricFamily family, LabelValues labels) {
    if (!family.help().isEmpty()) {
      out.write("# HELP ");
      out.write(family.name());
      out.write(' ');
      out.writeEscaped(family.help(), false);
      out.write('\n');
    }
    out.write("# TYPE ");
    out.write(family.name());
    out.write(' ');
    out.write(family.type().text());
    out.write('\n');
    writeSamples(out, family, labels);
  }

  /** Writes one family in one format. */
  interface FamilyWriter {
    void write(Utf8Buffer out, MetricFamily family, LabelValues labels);
  }

  /**
   * Writes a family through its kept text: the text itself when kept; written apart and kept
   * when the family is written a second time (it lives across scrapes); else written directly.
   */
  static void writeKept(Utf8Buffer out, MetricFamily family, Exposition.Format format,
      int round, LabelValues labels, FamilyWriter writer) {
    KeptText kept = KeptText.of(family);
    byte[] text = kept.get(format);
    if (text == null && kept.writtenBefore(format, round)) {
      Utf8Buffer own = new Utf8Buffer(family.samples().size() * 64);
      writer.write(own, family, labels);
      text = own.toByteArray();
      kept.keep(format, text);
    }
    if (text != null) {
      out.writeShared(text);
    } else {
      writer.write(out, family, labels);
    }
  }

  /**
   * A sample value as Go writes it; whole numbers under a million (most counters and gauges)
   * go straight into the buffer, the rest through {@link GoFloat}.
   */
  static void writeValue(Utf8Buffer out, double v) {
    if (v > -1e6 && v < 1e6 && v == (long) v && (v != 0 || 1 / v > 0)) {
      out.writeLong((long) v);
    } else if (v > -0x1p53 && v < 0x1p53 && v == (long) v && v != 0) {
      // A whole number of a million or more (a timestamp, a byte count): Go's %g gives
      // shortest digits with an exponent, e.g. 1.732900123e+09.
      writeExponent(out, (long) v);
    } else {
      out.write(GoFloat.format(v));
    }
  }

  private static void writeExponent(Utf8Buffer out, long v) {
    if (v < 0) {
      out.write('-');
      v = -v;
    }
    int exponent = 0;
    long mantissa = v;
    while (mantissa >= 10) {
      mantissa /= 10;
      exponent++;
    }
    long digits = v;
    while (digits % 10 == 0) {
      digits /= 10;
    }
    // digits holds the significant digits: the first, then the rest after the point.
    long scale = 1;
    int count = 1;
    while (digits / scale >= 10) {
      scale *= 10;
      count++;
    }
    out.writeLong(digits / scale);
    if (count > 1) {
      out.write('.');
      long rest = digits % scale;
      for (long s = scale / 10; s > 0; s /= 10) {
        out.write((char) ('0' + (rest / s) % 10));
      }
    }
    out.write('e');
    out.write('+');
    if (exponent < 10) {
      out.write('0');
    }
    out.writeLong(exponent);
  }

  /** The sample lines of one family, {@code name{labels} value}, shared with OpenMetrics. */
  static void writeSamples(Utf8Buffer out, MetricFamily family, LabelValues labels) {
    LinePrefix prefix = null;
    for (Sample sample : family.samples()) {
      if (prefix == null || !prefix.fits(sample)) {
        prefix = new LinePrefix(sample.name(), sample.labelNames());
      }
      prefix.write(out, sample, labels);
    }
  }

  public static String toText(List<MetricFamily> families) {
    Utf8Buffer buffer = new Utf8Buffer(16 * 1024);
    write(buffer, families);
    return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
  }

  /**
   * The fixed text around a sample's label values, encoded once for all samples of a family
   * that share name and label names: {@code name{a="}, {@code ",b="}, {@code "} }.
   */
  private static final class LinePrefix {
    private final String name;
    private final List<String> labelNames;
    private final byte[][] parts;

    LinePrefix(String name, List<String> labelNames) {
      this.name = name;
      this.labelNames = labelNames;
      int n = labelNames.size();
      parts = new byte[n + 1][];
      if (n == 0) {
        parts[0] = ascii(name + " ");
        return;
      }
      parts[0] = ascii(name + "{" + labelNames.get(0) + "=\"");
      for (int i = 1; i < n; i++) {
        parts[i] = ascii("\"," + labelNames.get(i) + "=\"");
      }
      parts[n] = ascii("\"} ");
    }

    boolean fits(Sample sample) {
      return (sample.name() == name || sample.name().equals(name))
          && (sample.labelNames() == labelNames || sample.labelNames().equals(labelNames));
    }

    void write(Utf8Buffer out, Sample sample, LabelValues labels) {
      out.writeBytes(parts[0]);
      int n = sample.labelCount();
      for (int i = 0; i < n; i++) {
        labels.write(out, sample.labelValue(i));
        out.writeBytes(parts[i + 1]);
      }
      writeValue(out, sample.value());
      out.write('\n');
    }

    private static byte[] ascii(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }
}
