package io.exporters.common.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Renders one scrape in the format the client's Accept header asks for: Prometheus protobuf,
 * OpenMetrics 1.0, or (the fallback) Prometheus text 0.0.4; gzip-compressed when asked.
 * {@code targetFamilies} are the exporter's own families, {@code selfMetrics} the client_java
 * registry's (JVM, process, exporter self-metrics).
 */
public final class Exposition {
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  private Exposition() {}

  public record Rendered(String contentType, String contentEncoding, byte[] body) {}

  public static Rendered render(
      List<MetricFamily> targetFamilies, MetricSnapshots selfMetrics, String accept,
      String acceptEncoding) throws IOException {
    ExpositionFormatWriter writer = FORMATS.findWriter(accept == null ? "" : accept);
    boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase().contains("gzip");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    OutputStream out = gzip ? new GZIPOutputStream(buffer, 8192) : buffer;
    String contentType;
    if (writer instanceof PrometheusTextFormatWriter) {
      contentType = TextFormat.CONTENT_TYPE;
      Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      TextFormat.write(text, withoutClashes(targetFamilies, selfMetrics));
      text.flush();
      if (!selfMetrics.stream().allMatch(s -> s.getDataPoints().isEmpty())) {
        writer.write(out, selfMetrics);
      }
    } else {
      contentType = writer.getContentType();
      writer.write(out, merge(targetFamilies, selfMetrics));
    }
    out.close();
    return new Rendered(contentType, gzip ? "gzip" : null, buffer.toByteArray());
  }

  private static List<MetricFamily> withoutClashes(
      List<MetricFamily> families, MetricSnapshots selfMetrics) {
    Set<String> taken = new HashSet<>();
    for (MetricSnapshot s : selfMetrics) {
      taken.add(s.getMetadata().getPrometheusName());
    }
    if (taken.isEmpty()) {
      return families;
    }
    List<MetricFamily> out = new ArrayList<>(families.size());
    for (MetricFamily f : families) {
      if (!taken.contains(f.name())) {
        out.add(f);
      }
    }
    return out;
  }

  private static MetricSnapshots merge(List<MetricFamily> families, MetricSnapshots selfMetrics) {
    List<MetricSnapshot> all = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (MetricSnapshot s : selfMetrics) {
      if (names.add(s.getMetadata().getPrometheusName())) {
        all.add(s);
      }
    }
    for (MetricSnapshot s : SnapshotConverter.toSnapshots(families)) {
      // Families whose names clash once client_java strips suffixes are dropped, not fatal.
      if (names.add(s.getMetadata().getPrometheusName())) {
        all.add(s);
      }
    }
    return new MetricSnapshots(all);
  }
}
