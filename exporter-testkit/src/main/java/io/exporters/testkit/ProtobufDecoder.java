package io.exporters.testkit;

import io.exporters.testkit.Exposition.Family;
import io.exporters.testkit.Exposition.Sample;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads delimited {@code io.prometheus.client.MetricFamily} messages and turns each metric into
 * the samples the text format would show for it, so tests can query every format alike.
 */
final class ProtobufDecoder {
  private ProtobufDecoder() {}

  static List<Family> decode(byte[] body) {
    List<Family> out = new ArrayList<>();
    InputStream in = new ByteArrayInputStream(body);
    try {
      Metrics.MetricFamily family;
      while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
        out.add(toFamily(family));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "malformed protobuf body at message " + (out.size() + 1) + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Family toFamily(Metrics.MetricFamily family) {
    String name = family.getName();
    List<Sample> samples = new ArrayList<>();
    for (Metrics.Metric metric : family.getMetricList()) {
      Map<String, String> labels = new TreeMap<>();
      for (Metrics.LabelPair pair : metric.getLabelList()) {
        labels.put(pair.getName(), pair.getValue());
      }
      switch (family.getType()) {
        case COUNTER:
          samples.add(new Sample(name, labels, metric.getCounter().getValue()));
          break;
        case GAUGE:
          samples.add(new Sample(name, labels, metric.getGauge().getValue()));
          break;
        case SUMMARY:
          addSummary(samples, name, labels, metric.getSummary());
          break;
        case HISTOGRAM:
          addHistogram(samples, name, labels, metric.getHistogram(), "_sum", "_count");
          break;
        case GAUGE_HISTOGRAM:
          // Named as OpenMetrics names them, the only text format with a gauge histogram type.
          addHistogram(samples, name, labels, metric.getHistogram(), "_gsum", "_gcount");
          break;
        default:
          samples.add(new Sample(name, labels, metric.getUntyped().getValue()));
      }
    }
    return new Family(name, typeName(family.getType()), family.getHelp(), samples);
  }

  private static String typeName(Metrics.MetricType type) {
    switch (type) {
      case COUNTER:
        return "counter";
      case GAUGE:
        return "gauge";
      case SUMMARY:
        return "summary";
      case HISTOGRAM:
        return "histogram";
      case GAUGE_HISTOGRAM:
        return "gaugehistogram";
      default:
        return "untyped";
    }
  }

  private static void addSummary(
      List<Sample> out, String name, Map<String, String> labels, Metrics.Summary summary) {
    for (Metrics.Quantile quantile : summary.getQuantileList()) {
      out.add(new Sample(name, with(labels, "quantile", goFloat(quantile.getQuantile())),
          quantile.getValue()));
    }
    out.add(new Sample(name + "_sum", labels, summary.getSampleSum()));
    out.add(new Sample(name + "_count", labels, summary.getSampleCount()));
  }

  private static void addHistogram(List<Sample> out, String name, Map<String, String> labels,
      Metrics.Histogram histogram, String sumSuffix, String countSuffix) {
    double count = histogram.hasSampleCountFloat()
        ? histogram.getSampleCountFloat() : histogram.getSampleCount();
    boolean infSeen = false;
    for (Metrics.Bucket bucket : histogram.getBucketList()) {
      double cumulative = bucket.hasCumulativeCountFloat()
          ? bucket.getCumulativeCountFloat() : bucket.getCumulativeCount();
      out.add(new Sample(name + "_bucket", with(labels, "le", goFloat(bucket.getUpperBound())),
          cumulative));
      infSeen |= bucket.getUpperBound() == Double.POSITIVE_INFINITY;
    }
    // The protobuf may leave the +Inf bucket implicit; text always shows it, as Go's expfmt does.
    if (!infSeen) {
      out.add(new Sample(name + "_bucket", with(labels, "le", "+Inf"), count));
    }
    out.add(new Sample(name + sumSuffix, labels, histogram.getSampleSum()));
    out.add(new Sample(name + countSuffix, labels, count));
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> out = new TreeMap<>(labels);
    out.put(name, value);
    return out;
  }

  /** Formats like Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, as Go's expfmt does. */
  static String goFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0" : "0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int exponent = digits.length() - decimal.scale() - 1;
    StringBuilder out = new StringBuilder(v < 0 ? "-" : "");
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append(exponent < 0 ? "e-" : "e+");
      int abs = Math.abs(exponent);
      out.append(abs < 10 ? "0" : "").append(abs);
    } else if (exponent < 0) {
      out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
    } else if (digits.length() <= exponent + 1) {
      out.append(digits).append("0".repeat(exponent + 1 - digits.length()));
    } else {
      out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
    }
    return out.toString();
  }
}
