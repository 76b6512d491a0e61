package io.exporters.common.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.metrics.GoFloat;
import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFormatTest {
  @Test
  void formatsFloatsAsGoDoes() {
    assertThat(GoFloat.format(0)).isEqualTo("0");
    assertThat(GoFloat.format(1)).isEqualTo("1");
    assertThat(GoFloat.format(-1)).isEqualTo("-1");
    assertThat(GoFloat.format(42.5)).isEqualTo("42.5");
    assertThat(GoFloat.format(100000)).isEqualTo("100000");
    assertThat(GoFloat.format(1e6)).isEqualTo("1e+06");
    assertThat(GoFloat.format(7748967)).isEqualTo("7.748967e+06");
    assertThat(GoFloat.format(1.795327745e9)).isEqualTo("1.795327745e+09");
    assertThat(GoFloat.format(1.34217728e8)).isEqualTo("1.34217728e+08");
    assertThat(GoFloat.format(0.0001)).isEqualTo("0.0001");
    assertThat(GoFloat.format(0.00001)).isEqualTo("1e-05");
    assertThat(GoFloat.format(0.000123)).isEqualTo("0.000123");
    assertThat(GoFloat.format(13.736)).isEqualTo("13.736");
    assertThat(GoFloat.format(123456.5)).isEqualTo("123456.5");
    assertThat(GoFloat.format(-2.5e-7)).isEqualTo("-2.5e-07");
    assertThat(GoFloat.format(1e21)).isEqualTo("1e+21");
    assertThat(GoFloat.format(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloat.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void formatsRandomDoublesLikeTheDecimalReference() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      double v = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong());
        case 1 -> random.nextLong(-(1L << 60), 1L << 60);
        case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 22));
        default -> Math.round(random.nextDouble() * 1e6) / 1e3;
      };
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        assertThat(GoFloat.format(v)).as("%s", v).isEqualTo(goStyle(v));
      }
    }
  }

  /** The %g rule spelled out with BigDecimal: slow, obviously right. */
  private static String goStyle(double v) {
    if (v == 0) {
      return (1 / v) < 0 ? "-0" : "0";
    }
    java.math.BigDecimal d =
        new java.math.BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - d.scale() - 1;
    String sign = v < 0 ? "-" : "";
    if (exp < -4 || exp >= 6 && !(Math.abs(v) < 1e6 && v == Math.rint(v))) {
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1)
          : digits;
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
          + Math.abs(exp);
    }
    return sign + d.toPlainString();
  }

  @Test
  void writesNonAsciiAsUtf8() {
    Utf8Buffer buffer = new Utf8Buffer(1);
    buffer.write("a=\u00e9\u20ac\ud83d\ude00;");
    buffer.write('z');
    assertThat(new String(buffer.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("a=\u00e9\u20ac\ud83d\ude00;z");
  }

  @Test
  void writesFamiliesSortedWithEscapes() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("zeta", "Last.").add(1);
    buffer.counter("alpha_count", "Help with \\ and\nnewline.", "path", "a")
        .add(3, "C:\\x \"q\"", "line\nbreak");
    String text = TextFormat.toText(buffer.families());
    assertThat(text).isEqualTo(
        "# HELP alpha_count Help with \\\\ and\\nnewline.\n"
            + "# TYPE alpha_count counter\n"
            + "alpha_count{a=\"line\\nbreak\",path=\"C:\\\\x \\\"q\\\"\"} 3\n"
            + "# HELP zeta Last.\n"
            + "# TYPE zeta gauge\n"
            + "zeta 1\n");
  }

  @Test
  void escapesNonAsciiLabelValuesAndKeepsQuotesInHelp() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("size_bytes", "Size of \"the\" table \u00e9", "relname", "schema")
        .add(1, "caf\u00e9 \"\ud83d\ude00\"\\", "s");
    buffer.gauge("size_bytes", "ignored", "relname", "schema").add(2, "plain", "s");
    assertThat(TextFormat.toText(buffer.families())).isEqualTo(
        "# HELP size_bytes Size of \"the\" table \u00e9\n# TYPE size_bytes gauge\n"
            + "size_bytes{relname=\"caf\u00e9 \\\"\ud83d\ude00\\\"\\\\\",schema=\"s\"} 1\n"
            + "size_bytes{relname=\"plain\",schema=\"s\"} 2\n");
  }

  @Test
  void histogramsGetBucketsSumAndCount() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.histogram("idle_seconds", "Idle.", "state")
        .addHistogram(new double[] {1, 2.5}, new long[] {1, 4}, 6.5, 5, "idle");
    assertThat(TextFormat.toText(buffer.families())).isEqualTo(
        "# HELP idle_seconds Idle.\n# TYPE idle_seconds histogram\n"
            + "idle_seconds_bucket{state=\"idle\",le=\"1\"} 1\n"
            + "idle_seconds_bucket{state=\"idle\",le=\"2.5\"} 4\n"
            + "idle_seconds_bucket{state=\"idle\",le=\"+Inf\"} 5\n"
            + "idle_seconds_sum{state=\"idle\"} 6.5\n"
            + "idle_seconds_count{state=\"idle\"} 5\n");
  }

  @Test
  void anAddedLabelIsSortedInWithLeLastAndNeverDoubled() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.histogram("idle_seconds", "Idle.", "state")
        .addHistogram(new double[] {1}, new long[] {1}, 0.5, 1, "idle");
    buffer.gauge("up", "Up.", "server").add(1, "a:1");
    List<MetricFamily> labelled = buffer.families().stream()
        .map(f -> f.withLabel("server", "b:2")).toList();
    assertThat(TextFormat.toText(labelled)).isEqualTo(
        "# HELP idle_seconds Idle.\n# TYPE idle_seconds histogram\n"
            + "idle_seconds_bucket{server=\"b:2\",state=\"idle\",le=\"1\"} 1\n"
            + "idle_seconds_bucket{server=\"b:2\",state=\"idle\",le=\"+Inf\"} 1\n"
            + "idle_seconds_sum{server=\"b:2\",state=\"idle\"} 0.5\n"
            + "idle_seconds_count{server=\"b:2\",state=\"idle\"} 1\n"
            + "# HELP up Up.\n# TYPE up gauge\nup{server=\"a:1\"} 1\n");
  }

  @Test
  void emptyFamiliesAreNotWritten() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("nothing", "No samples.");
    assertThat(TextFormat.toText(buffer.families())).isEmpty();
    assertThat(TextFormat.toText(List.of())).isEmpty();
  }

  @Test
  void writesValuesStraightIntoTheBufferExactlyAsGoFloatFormatsThem() {
    java.util.Random random = new java.util.Random(42);
    List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 999999.0,
        1e6, -1e6, 1234567.0, 1.7329e9, 9007199254740991.0, -9007199254740991.0, 1e15, 1e16,
        10.0, 100.5, Double.NaN, Double.POSITIVE_INFINITY, 123456789012.0, 1.5e-7));
    for (int i = 0; i < 20_000; i++) {
      values.add((double) (random.nextLong() >> random.nextInt(64)));
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(30) - 10));
    }
    for (double v : values) {
      Utf8Buffer out = new Utf8Buffer(64);
      TextFormat.writeValue(out, v);
      assertThat(new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
          .as("%s", v).isEqualTo(GoFloat.format(v));
    }
  }
}
