package io.exporters.common.exposition;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A growable byte sink written as text: ASCII goes straight in, the rest is UTF-8 encoded. Bytes
 * live in fixed-size chunks, so growing never copies what is written and a large answer is held
 * once, not twice as with a doubling array; large immutable arrays ({@link #writeShared}) are
 * referred to, not copied. Not thread-safe while written; once complete it can be read by several
 * threads at once ({@link #writeTo}, {@link #inputStream}).
 */
public final class Utf8Buffer {
  private static final int CHUNK = 32 * 1024;
  // Below this a shared array is copied: a segment of its own would cost more than the bytes.
  private static final int SHARE_FROM = 2048;

  /** A run of bytes of a chunk or of a shared array. */
  private record Segment(byte[] bytes, int offset, int length) {}

  private final List<Segment> closed = new ArrayList<>();
  /** Where full chunks go instead of being kept, when streaming; null when buffering. */
  private final OutputStream sink;
  private final byte[] scratch = new byte[20];
  private byte[] chunk;
  private int start;
  private int pos;
  private long closedBytes;

  public Utf8Buffer(int initialCapacity) {
    chunk = new byte[Math.max(64, Math.min(initialCapacity, CHUNK))];
    sink = null;
  }

  private Utf8Buffer(OutputStream sink) {
    chunk = new byte[CHUNK];
    this.sink = sink;
  }

  /**
   * A buffer that passes its bytes on to {@code sink} a chunk at a time instead of keeping them
   * (to render straight into a compressor); {@link #flush} passes on the rest.
   */
  public static Utf8Buffer streaming(OutputStream sink) {
    return new Utf8Buffer(sink);
  }

  /** Streaming: passes on what is still held. */
  public void flush() {
    closeSegment();
  }

  public void write(char c) {
    if (c < 0x80) {
      put((byte) c);
    } else {
      writeNonAscii(String.valueOf(c), 0, 1);
    }
  }

  public void write(String s) {
    write(s, 0, s.length());
  }

  public void write(String s, int off, int len) {
    int end = off + len;
    for (int i = off; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        writeNonAscii(s, i, end);
        return;
      }
      if (pos == chunk.length) {
        next();
      }
      chunk[pos++] = (byte) c;
    }
  }

  /**
   * Writes {@code s} UTF-8 encoded and escaped for the text format: backslash and newline always,
   * double quotes when {@code quote} (label values). The JDK encodes the string in one intrinsic
   * step (an ASCII string is a plain copy); escapes are rare, so the bytes are then scanned once
   * and copied in one go unless one is needed. (A char-by-char loop costs several times more
   * under C1, and label values are most of what an exposition writes.)
   */
  public void writeEscaped(String s, boolean quote) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      byte c = b[i];
      if (c == '\\' || c == '\n' || quote && c == '"') {
        append(b, 0, i);
        writeEscapedFrom(b, i, quote);
        return;
      }
    }
    append(b, 0, b.length);
  }

  private void writeEscapedFrom(byte[] b, int from, boolean quote) {
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (c == '\\' || c == '\n' || quote && c == '"') {
        put((byte) '\\');
        put(c == '\n' ? (byte) 'n' : c);
      } else {
        put(c);
      }
    }
  }

  /** Writes a whole number in decimal, without making a String of it. */
  public void writeLong(long v) {
    if (v < 0) {
      put((byte) '-');
      if (v == Long.MIN_VALUE) {
        write("9223372036854775808");
        return;
      }
      v = -v;
    }
    int n = 0;
    do {
      scratch[n++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    while (n > 0) {
      put(scratch[--n]);
    }
  }

  /** Appends bytes already encoded. */
  public void writeBytes(byte[] b) {
    append(b, 0, b.length);
  }

  /** Appends bytes already encoded that nobody changes any more: large ones are not copied. */
  public void writeShared(byte[] b) {
    if (b.length < SHARE_FROM) {
      append(b, 0, b.length);
      return;
    }
    closeSegment();
    if (sink != null) {
      emit(b, 0, b.length);
      return;
    }
    closed.add(new Segment(b, 0, b.length));
    closedBytes += b.length;
  }

  /** Appends raw bytes, e.g. what another encoder writes. */
  public OutputStream asOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        put((byte) b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        append(b, off, len);
      }
    };
  }

  public long size() {
    return closedBytes + pos - start;
  }

  public byte[] toByteArray() {
    long size = size();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too large for one array: " + size + " bytes");
    }
    byte[] out = new byte[(int) size];
    int at = 0;
    for (Segment s : segments()) {
      System.arraycopy(s.bytes, s.offset, out, at, s.length);
      at += s.length;
    }
    return out;
  }

  public void writeTo(OutputStream out) throws IOException {
    for (Segment s : segments()) {
      out.write(s.bytes, s.offset, s.length);
    }
  }

  /** Every segment, the open one included. */
  private List<Segment> segments() {
    List<Segment> all = new ArrayList<>(closed.size() + 1);
    all.addAll(closed);
    all.add(new Segment(chunk, start, pos - start));
    return all;
  }

  /** The bytes written so far, read without copying them. */
  public InputStream inputStream() {
    List<Segment> parts = segments();
    return new InputStream() {
      private int index;
      private int offset;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        while (true) {
          if (index == parts.size()) {
            return -1;
          }
          Segment current = parts.get(index);
          if (offset < current.length) {
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current.bytes, current.offset + offset, b, off, n);
            offset += n;
            return n;
          }
          index++;
          offset = 0;
        }
      }
    };
  }

  private void put(byte b) {
    if (pos == chunk.length) {
      next();
    }
    chunk[pos++] = b;
  }

  private void writeNonAscii(String s, int from, int end) {
    byte[] encoded = s.substring(from, end).getBytes(StandardCharsets.UTF_8);
    append(encoded, 0, encoded.length);
  }

  private void append(byte[] b, int off, int len) {
    while (len > 0) {
      if (pos == chunk.length) {
        next();
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(b, off, chunk, pos, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  private void next() {
    closeSegment();
    if (sink == null) {
      chunk = new byte[CHUNK];
    }
    start = 0;
    pos = 0;
  }

  /** Ends the open segment; writing goes on in the same chunk, in a new segment. */
  private void closeSegment() {
    if (pos > start) {
      if (sink != null) {
        emit(chunk, start, pos - start);
        start = pos = 0;
        return;
      }
      closed.add(new Segment(chunk, start, pos - start));
      closedBytes += pos - start;
      start = pos;
    }
  }

  private void emit(byte[] b, int off, int len) {
    closedBytes += len;
    try {
      sink.write(b, off, len);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
