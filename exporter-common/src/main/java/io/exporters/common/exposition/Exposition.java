package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Renders one answer in the format the client's Accept header asks for: Prometheus text 0.0.4
 * (the fallback) and OpenMetrics 1.0 by our own writers, in the Go client's style throughout;
 * Prometheus protobuf through client_java's writer. gzip-compressed when asked. A body is held
 * once, in chunks, and can be streamed to several clients at once.
 */
public final class Exposition {
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  private Exposition() {}

  /** The formats a scrape can ask for. */
  public enum Format {
    TEXT, OPENMETRICS, PROTOBUF;

    /** The format an Accept header asks for, q-values weighed (q=0: not acceptable). */
    public static Format negotiate(String accept) {
      return AcceptHeader.format(accept);
    }
  }

  public static boolean acceptsGzip(String acceptEncoding) {
    return AcceptHeader.gzip(acceptEncoding);
  }

  /** A rendered answer: its content type and encoding (null for identity) and its bytes. */
  public record Body(String contentType, String contentEncoding, Utf8Buffer bytes) {
    public long length() {
      return bytes.size();
    }

    public InputStream stream() {
      return bytes.inputStream();
    }

    public void writeTo(OutputStream out) throws IOException {
      bytes.writeTo(out);
    }
  }

  /**
   * Renders {@code targetFamilies} and {@code selfMetrics} (the client_java registry's snapshot);
   * a target family whose name a self-metric also has is left out.
   */
  public static Body render(List<MetricFamily> targetFamilies, MetricSnapshots selfMetrics,
      Format format, boolean gzip) throws IOException {
    Utf8Buffer body = new Utf8Buffer(32 * 1024);
    String contentType;
    switch (format) {
      case PROTOBUF: {
        ExpositionFormatWriter writer = FORMATS.getPrometheusProtobufWriter();
        contentType = writer.getContentType();
        writer.write(body.asOutputStream(), merge(targetFamilies, selfMetrics));
        break;
      }
      case OPENMETRICS:
        contentType = OpenMetricsFormat.CONTENT_TYPE;
        OpenMetricsFormat.write(body, withSelf(targetFamilies, selfMetrics));
        break;
      default:
        contentType = TextFormat.CONTENT_TYPE;
        TextFormat.write(body, withSelf(targetFamilies, selfMetrics));
    }
    if (!gzip) {
      return new Body(contentType, null, body);
    }
    Utf8Buffer compressed = new Utf8Buffer((int) Math.min(body.size() / 4 + 64, 32 * 1024));
    try (GZIPOutputStream out = new GZIPOutputStream(compressed.asOutputStream(), 8192)) {
      body.writeTo(out);
    }
    return new Body(contentType, "gzip", compressed);
  }

  private static List<MetricFamily> withSelf(List<MetricFamily> families,
      MetricSnapshots selfMetrics) {
    List<MetricFamily> self = SnapshotFamilies.of(selfMetrics);
    if (self.isEmpty()) {
      return families;
    }
    Set<String> taken = new HashSet<>();
    for (MetricFamily f : self) {
      taken.add(f.name());
    }
    List<MetricFamily> out = new ArrayList<>(families.size() + self.size());
    for (MetricFamily f : families) {
      if (!taken.contains(f.name())) {
        out.add(f);
      }
    }
    out.addAll(self);
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
