package io.exporters.common.exposition;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Label values encoded and escaped once per rendering. A row of a backend's table gives the same
 * label strings to every family written from it (21 per table in pg_stat_user_tables), so each
 * value is encoded once and then copied; keyed by identity, which is exactly that sharing.
 */
final class LabelValues {
  // A value this long is rare and seldom repeated: not worth holding.
  private static final int MAX_CACHED_LENGTH = 256;

  private final Map<String, byte[]> encoded = new IdentityHashMap<>(4096);

  void write(Utf8Buffer out, String value) {
    if (value.length() > MAX_CACHED_LENGTH) {
      out.writeEscaped(value, true);
      return;
    }
    byte[] bytes = encoded.get(value);
    if (bytes == null) {
      bytes = escape(value);
      encoded.put(value, bytes);
    }
    out.writeBytes(bytes);
  }

  private static byte[] escape(String value) {
    byte[] raw = value.getBytes(StandardCharsets.UTF_8);
    for (byte c : raw) {
      if (c == '\\' || c == '\n' || c == '"') {
        Utf8Buffer escaped = new Utf8Buffer(raw.length + 8);
        escaped.writeEscaped(value, true);
        return escaped.toByteArray();
      }
    }
    return raw;
  }
}
