package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Renders one answer in the format the client's Accept header asks for, Prometheus text 0.0.4
 * (the fallback), OpenMetrics 1.0 or Prometheus protobuf, each by our own writer straight from
 * our families (the text ones in the Go client's style). gzip-compressed when asked. A body is held
 * once, in chunks, and can be streamed to several clients at once.
 */
public final class Exposition {
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
   * Renders {@code targetFamilies} and {@code selfMetrics} (the exporter's own families); a
   * target family whose name a self-metric also has is left out.
   */
  public static Body render(List<MetricFamily> targetFamilies, List<MetricFamily> selfMetrics,
      Format format, boolean gzip) throws IOException {
    List<MetricFamily> families = withSelf(targetFamilies, selfMetrics);
    // The round's families list: its renders in several formats and encodings are one round.
    int round = System.identityHashCode(targetFamilies);
    String contentType = switch (format) {
      case PROTOBUF -> ProtobufFormat.CONTENT_TYPE;
      case OPENMETRICS -> OpenMetricsFormat.CONTENT_TYPE;
      default -> TextFormat.CONTENT_TYPE;
    };
    if (!gzip) {
      Utf8Buffer body = new Utf8Buffer(32 * 1024);
      write(format, families, round, body);
      return new Body(contentType, null, body);
    }
    // Rendered straight into the compressor: only the compressed bytes are ever held.
    Utf8Buffer compressed = new Utf8Buffer(32 * 1024);
    try (GZIPOutputStream out = new GZIPOutputStream(compressed.asOutputStream(), 8192)) {
      Utf8Buffer streaming = Utf8Buffer.streaming(out);
      write(format, families, round, streaming);
      streaming.flush();
    }
    return new Body(contentType, "gzip", compressed);
  }

  private static void write(Format format, List<MetricFamily> families, int round,
      Utf8Buffer body) throws IOException {
    switch (format) {
      case PROTOBUF -> ProtobufFormat.write(body.asOutputStream(), families);
      case OPENMETRICS -> OpenMetricsFormat.write(body, families, round);
      default -> TextFormat.write(body, families, round);
    }
  }

  private static List<MetricFamily> withSelf(List<MetricFamily> families,
      List<MetricFamily> self) {
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
}
