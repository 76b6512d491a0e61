package io.exporters.scraper.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a conversation line by line as Go's bufio.Scanner does (trailing CR dropped), with a cap
 * on the line length and on all bytes read, so a server that talks without end costs little.
 */
final class LineReader {
  static final int MAX_LINE = 64 * 1024;
  static final int MAX_TOTAL = 1024 * 1024;

  private InputStream in;
  private int total;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** After STARTTLS the conversation goes on over the TLS stream. */
  void switchTo(InputStream newIn) {
    this.in = newIn;
  }

  /** The next line, or null at the end of the stream. */
  String next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (++total > MAX_TOTAL) {
        throw new IOException("the server sent more than " + MAX_TOTAL + " bytes");
      }
      if (b == '\n') {
        return text(line);
      }
      if (line.size() < MAX_LINE) {
        line.write(b);
      }
    }
    return line.size() == 0 ? null : text(line);
  }

  private static String text(ByteArrayOutputStream line) {
    String s = line.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
