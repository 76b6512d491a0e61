package io.exporters.common.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    Utf8Buffer body = new Utf8Buffer(32 * 1024);
    String contentType;
    if (writer instanceof PrometheusTextFormatWriter) {
      contentType = TextFormat.CONTENT_TYPE;
      TextFormat.write(body, withoutClashes(targetFamilies, selfMetrics));
      if (!selfMetrics.stream().allMatch(s -> s.getDataPoints().isEmpty())) {
        writer.write(body.asOutputStream(), selfMetrics);
      }
    } else {
      contentType = writer.getContentType();
      writer.write(body.asOutputStream(), merge(targetFamilies, selfMetrics));
    }
    if (!gzip) {
      return new Rendered(contentType, null, body.toByteArray());
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.size() / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(compressed, 8192)) {
      body.writeTo(out);
    }
    return new Rendered(contentType, "gzip", compressed.toByteArray());
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
