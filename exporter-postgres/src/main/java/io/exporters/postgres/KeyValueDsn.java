package io.exporters.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libpq's keyword/value connection string: {@code key = value} pairs separated by spaces; a value
 * may be single-quoted, with {@code \'} and {@code \\} inside. Errors give positions and keys,
 * never values.
 */
final class KeyValueDsn {
  private KeyValueDsn() {}

  static Map<String, String> parse(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return out;
      }
      int keyStart = i;
      while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
      }
      String key = s.substring(keyStart, i);
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (key.isEmpty() || i >= n || s.charAt(i) != '=') {
        // Not the word found there: it may be part of an unquoted password.
        throw new IllegalArgumentException("expected key=value at character " + (keyStart + 1)
            + " (quote values that hold spaces: password='a b')");
      }
      i++;
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && s.charAt(i) == '\'') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = s.charAt(i++);
          if (c == '\\' && i < n) {
            value.append(s.charAt(i++));
          } else if (c == '\'') {
            closed = true;
            break;
          } else {
            value.append(c);
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("the quoted value of '" + key + "' is not closed");
        }
      } else {
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
          char c = s.charAt(i++);
          if (c == '\\' && i < n) {
            value.append(s.charAt(i++));
          } else {
            value.append(c);
          }
        }
      }
      if (out.put(key, value.toString()) != null) {
        throw new IllegalArgumentException("'" + key + "' is given twice");
      }
    }
  }
}
