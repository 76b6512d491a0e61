package io.exporters.scraper.http;

import io.exporters.common.backend.Deadline;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.ProbeFailure;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body to its end or to the module's size limit, whichever comes first, and
 * cuts it there. Decompresses when the module asks for a compression; counts bytes on the wire
 * and after decompression; keeps the bytes only when a check needs them, charged to the
 * {@link BodyBudget}.
 */
final class BodyReader {
  private static final int CHUNK = 64 * 1024;

  /** What was read: raw and uncompressed byte counts, the body if kept, and when it ended. */
  record Read(long rawBytes, long bodyBytes, byte[] retained, long endNanos) {}

  private BodyReader() {}

  static Read read(InputStream wire, String contentEncoding, String compression, long limit,
      BodyBudget.Share share, boolean retain, Deadline deadline) throws ProbeFailure {
    Counting raw = new Counting(wire);
    ByteArrayOutputStream kept = retain ? new ByteArrayOutputStream() : null;
    long total = 0;
    long charged = 0;
    try (InputStream in = decoder(raw, contentEncoding, compression)) {
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (total + n > limit) {
          int fits = (int) (limit - total);
          total = limit;
          if (kept != null) {
            kept.write(buffer, 0, fits);
          }
          throw new ProbeFailure(FailureReason.BODY_TOO_LARGE, "the body passed "
              + limit + " bytes (body_size_limit) and was cut there");
        }
        total += n;
        if (kept != null) {
          if (total - charged >= CHUNK || total > charged && charged == 0) {
            share.grow(total - charged, deadline);
            charged = total;
          }
          kept.write(buffer, 0, n);
        }
      }
      if (kept != null && total > charged) {
        share.grow(total - charged, deadline);
      }
      return new Read(raw.count, total, kept == null ? null : kept.toByteArray(),
          System.nanoTime());
    } catch (ZipException | java.io.EOFException e) {
      throw new ProbeFailure(FailureReason.COMPRESSION, "cannot decompress the body as "
          + compression + ": " + e.getMessage());
    } catch (IOException e) {
      throw HttpFailures.classify(e, deadline, true, "reading the body");
    }
  }

  private static InputStream decoder(InputStream raw, String contentEncoding, String compression)
      throws IOException, ProbeFailure {
    if (compression == null || compression.isEmpty() || compression.equals("identity")) {
      return raw;
    }
    String sent = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (!sent.equals(compression)) {
      throw new ProbeFailure(FailureReason.COMPRESSION, "expected a " + compression
          + " body, the server sent " + (sent.isEmpty() ? "an uncompressed one" : sent));
    }
    if (compression.equals("gzip")) {
      return new GZIPInputStream(raw, 8192);
    }
    // "deflate" is zlib-wrapped by the HTTP spec, raw in some servers (and in Go's reader).
    PushbackInputStream peek = new PushbackInputStream(raw, 1);
    int first = peek.read();
    if (first >= 0) {
      peek.unread(first);
    }
    return new InflaterInputStream(peek, new Inflater((first & 0x0f) != 8), 8192);
  }

  /** Counts the bytes that came over the wire. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
