package io.exporters.cloudflare.dataset;

import java.util.regex.Pattern;

/**
 * The {@code path} label of edge errors, as lablabs normalises it so ids do not make a series
 * each: the query string dropped, numeric segments as {@code :id}, UUIDs as {@code :uuid}, and
 * hexadecimal segments of 8 characters or more as {@code :id}.
 */
final class PathNormalizer {
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{8,}");

  private PathNormalizer() {}

  static String normalize(String path) {
    int q = path.indexOf('?');
    String p = q >= 0 ? path.substring(0, q) : path;
    String[] segments = p.split("/", -1);
    StringBuilder out = new StringBuilder(p.length());
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      String s = segments[i];
      if (NUMBER.matcher(s).matches()) {
        out.append(":id");
      } else if (UUID.matcher(s).matches()) {
        out.append(":uuid");
      } else if (HEX.matcher(s).matches()) {
        out.append(":id");
      } else {
        out.append(s);
      }
    }
    return out.toString();
  }
}
