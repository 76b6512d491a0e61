package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricType;
import io.exporters.common.metrics.Sample;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus protobuf ({@code io.prometheus.client.MetricFamily}, length-delimited), encoded
 * straight from our families one at a time, with no intermediate model: a 59,000-series page
 * took a second and a third of the heap through client_java's snapshots and message builders.
 * Types follow what Prometheus reads back under the names the text format shows: a counter whose
 * name lacks {@code _total} is untyped (a protobuf counter is read as name_total), a summary
 * whose quantiles are not 0 to 1 (redis_exporter's percentiles) is three untyped families named
 * as its text samples, and a label set repeated within a family is written once.
 */
final class ProtobufFormat {
  static final String CONTENT_TYPE = "application/vnd.google.protobuf; "
      + "proto=io.prometheus.client.MetricFamily; encoding=delimited";

  private static final int VARINT = 0;
  private static final int I64 = 1;
  private static final int LEN = 2;
  private static final int COUNTER = 0;
  private static final int GAUGE = 1;
  private static final int SUMMARY = 2;
  private static final int UNTYPED = 3;
  private static final int HISTOGRAM = 4;

  private final OutputStream out;
  private final Buffer family = new Buffer(64 * 1024);
  private final Buffer metric = new Buffer(1024);
  private final Buffer inner = new Buffer(256);

  private ProtobufFormat(OutputStream out) {
    this.out = out;
  }

  static void write(OutputStream out, List<MetricFamily> families) throws IOException {
    ProtobufFormat w = new ProtobufFormat(out);
    for (MetricFamily f : families) {
      if (!f.samples().isEmpty()) {
        w.family(f);
      }
    }
  }

  private void family(MetricFamily f) throws IOException {
    switch (f.type()) {
      case GAUGE -> simple(f.name(), f.help(), GAUGE, f.samples());
      case COUNTER -> simple(f.name(), f.help(), f.name().endsWith("_total") ? COUNTER : UNTYPED,
          f.samples());
      case HISTOGRAM -> histogram(f);
      case SUMMARY -> summary(f);
      default -> simple(f.name(), f.help(), UNTYPED, f.samples());
    }
  }

  /** Gauge, counter or untyped: one value per series. */
  private void simple(String name, String help, int type, List<Sample> samples)
      throws IOException {
    begin(name, help, type);
    Set<List<String>> seen = new HashSet<>();
    for (Sample s : samples) {
      if (!seen.add(Arrays.asList(labelValues(s)))) {
        continue;
      }
      metric.reset();
      labels(s.labelNames(), labelValues(s));
      inner.reset();
      inner.tag(1, I64).fixed64(s.value());
      metric.message(type == GAUGE ? 2 : type == COUNTER ? 3 : 5, inner);
      family.message(4, metric);
    }
    end();
  }

  private void histogram(MetricFamily f) throws IOException {
    Map<List<String>, Series> series = new LinkedHashMap<>();
    for (Sample s : f.samples()) {
      List<String> names = new ArrayList<>(s.labelNames());
      List<String> values = new ArrayList<>(Arrays.asList(labelValues(s)));
      int le = names.indexOf("le");
      double bound = Double.NaN;
      if (le >= 0) {
        bound = "+Inf".equals(values.get(le)) ? Double.POSITIVE_INFINITY
            : Double.parseDouble(values.get(le));
        names.remove(le);
        values.remove(le);
      }
      Series one = series.computeIfAbsent(values, v -> new Series(names, v));
      if (s.name().endsWith("_bucket") && le >= 0) {
        one.points.add(new double[] {bound, s.value()});
      } else if (s.name().endsWith("_sum")) {
        one.sum = s.value();
      } else if (s.name().endsWith("_count")) {
        one.count = s.value();
      }
    }
    begin(f.name(), f.help(), HISTOGRAM);
    for (Series one : series.values()) {
      one.points.sort((a, b) -> Double.compare(a[0], b[0]));
      metric.reset();
      labels(one.names, one.values.toArray(new String[0]));
      Buffer h = new Buffer(64 + one.points.size() * 24);
      double count = Double.isNaN(one.count) && !one.points.isEmpty()
          ? one.points.get(one.points.size() - 1)[1] : one.count;
      h.tag(1, VARINT).varint((long) Math.max(0, Double.isNaN(count) ? 0 : count));
      h.tag(2, I64).fixed64(Double.isNaN(one.sum) ? 0 : one.sum);
      for (double[] p : one.points) {
        inner.reset();
        inner.tag(1, VARINT).varint((long) Math.max(0, p[1]));
        inner.tag(2, I64).fixed64(p[0]);
        h.message(3, inner);
      }
      metric.message(7, h);
      family.message(4, metric);
    }
    end();
  }

  /** A protobuf summary when every quantile is 0 to 1; else its samples' names, untyped. */
  private void summary(MetricFamily f) throws IOException {
    Map<List<String>, Series> series = new LinkedHashMap<>();
    Map<String, List<Sample>> byName = new LinkedHashMap<>();
    boolean fractions = true;
    for (Sample s : f.samples()) {
      byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
      List<String> names = new ArrayList<>(s.labelNames());
      List<String> values = new ArrayList<>(Arrays.asList(labelValues(s)));
      int at = names.indexOf("quantile");
      double q = Double.NaN;
      if (at >= 0) {
        q = parse(values.get(at));
        names.remove(at);
        values.remove(at);
      }
      Series one = series.computeIfAbsent(values, v -> new Series(names, v));
      if (s.name().equals(f.name() + "_sum")) {
        one.sum = s.value();
      } else if (s.name().equals(f.name() + "_count")) {
        one.count = s.value();
      } else {
        fractions &= q >= 0 && q <= 1;
        one.points.add(new double[] {q, s.value()});
      }
    }
    if (!fractions) {
      for (Map.Entry<String, List<Sample>> e : byName.entrySet()) {
        simple(e.getKey(), f.help(), UNTYPED, e.getValue());
      }
      return;
    }
    begin(f.name(), f.help(), SUMMARY);
    for (Series one : series.values()) {
      metric.reset();
      labels(one.names, one.values.toArray(new String[0]));
      Buffer sm = new Buffer(32 + one.points.size() * 20);
      sm.tag(1, VARINT).varint((long) Math.max(0, Double.isNaN(one.count) ? 0 : one.count));
      sm.tag(2, I64).fixed64(Double.isNaN(one.sum) ? 0 : one.sum);
      Set<Double> seen = new HashSet<>();
      for (double[] p : one.points) {
        if (seen.add(p[0])) {
          inner.reset();
          inner.tag(1, I64).fixed64(p[0]);
          inner.tag(2, I64).fixed64(p[1]);
          sm.message(3, inner);
        }
      }
      metric.message(4, sm);
      family.message(4, metric);
    }
    end();
  }

  private static double parse(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static final class Series {
    final List<String> names;
    final List<String> values;
    final List<double[]> points = new ArrayList<>();
    double sum = Double.NaN;
    double count = Double.NaN;

    Series(List<String> names, List<String> values) {
      this.names = names;
      this.values = values;
    }
  }

  private static String[] labelValues(Sample s) {
    String[] values = new String[s.labelCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = s.labelValue(i);
    }
    return values;
  }

  private void labels(List<String> names, String[] values) {
    for (int i = 0; i < values.length; i++) {
      inner.reset();
      inner.tag(1, LEN).string(names.get(i));
      inner.tag(2, LEN).string(values[i]);
      metric.message(1, inner);
    }
  }

  private void begin(String name, String help, int type) {
    family.reset();
    family.tag(1, LEN).string(name);
    if (help != null && !help.isEmpty()) {
      family.tag(2, LEN).string(help);
    }
    family.tag(3, VARINT).varint(type);
  }

  private void end() throws IOException {
    Buffer length = new Buffer(10);
    length.varint(family.size);
    out.write(length.bytes, 0, length.size);
    out.write(family.bytes, 0, family.size);
  }

  /** A growable byte array with protobuf's wire encodings. */
  private static final class Buffer {
    byte[] bytes;
    int size;

    Buffer(int capacity) {
      bytes = new byte[capacity];
    }

    void reset() {
      size = 0;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    Buffer tag(int field, int wireType) {
      return varint(((long) field << 3) | wireType);
    }

    Buffer varint(long value) {
      ensure(10);
      while ((value & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      bytes[size++] = (byte) value;
      return this;
    }

    Buffer fixed64(double value) {
      long bits = Double.doubleToRawLongBits(value);
      ensure(8);
      for (int i = 0; i < 8; i++) {
        bytes[size++] = (byte) (bits >>> (8 * i));
      }
      return this;
    }

    Buffer string(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      varint(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, bytes, size, utf8.length);
      size += utf8.length;
      return this;
    }

    /** Field {@code field} holding {@code message}'s bytes. */
    Buffer message(int field, Buffer message) {
      tag(field, LEN).varint(message.size);
      ensure(message.size);
      System.arraycopy(message.bytes, 0, bytes, size, message.size);
      size += message.size;
      return this;
    }
  }
}
