package io.exporters.common.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array written as text: ASCII goes straight in, the rest is UTF-8 encoded.
 * Exposition is almost all ASCII, and an {@code OutputStreamWriter} costs a buffer wrap per call.
 * Not thread-safe.
 */
public final class Utf8Buffer {
  private byte[] bytes;
  private int size;

  public Utf8Buffer(int initialCapacity) {
    bytes = new byte[Math.max(64, initialCapacity)];
  }

  public void write(char c) {
    if (c < 0x80) {
      ensure(1);
      bytes[size++] = (byte) c;
    } else {
      write(String.valueOf(c), 0, 1);
    }
  }

  public void write(String s) {
    write(s, 0, s.length());
  }

  public void write(String s, int off, int len) {
    ensure(len);
    int end = off + len;
    for (int i = off; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        writeNonAscii(s, i, end);
        return;
      }
      bytes[size++] = (byte) c;
    }
  }

  /**
   * Writes {@code s} escaped for the text format in one pass: backslash and newline always,
   * double quotes when {@code quote} (label values).
   */
  public void writeEscaped(String s, boolean quote) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        int end = Character.isHighSurrogate(c) && i + 1 < n ? i + 2 : i + 1;
        writeNonAscii(s, i, end);
        ensure(n - end);
        i = end - 1;
      } else if (c == '\\' || c == '\n' || quote && c == '"') {
        ensure(n - i + 1);
        bytes[size++] = '\\';
        bytes[size++] = (byte) (c == '\n' ? 'n' : c);
      } else {
        bytes[size++] = (byte) c;
      }
    }
  }

  /** Appends bytes already encoded. */
  public void writeBytes(byte[] b) {
    append(b, 0, b.length);
  }

  /** Appends raw bytes, e.g. what another encoder already wrote. */
  public OutputStream asOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        append(b, off, len);
      }
    };
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  private void writeNonAscii(String s, int from, int end) {
    byte[] encoded = s.substring(from, end).getBytes(StandardCharsets.UTF_8);
    append(encoded, 0, encoded.length);
  }

  private void append(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
  }
}
