package io.exporters.common.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of an auth module's {@code allowed_targets}: a host glob ({@code *} for any run of
 * characters, case-insensitive) with an optional port: {@code db-*.prod.internal},
 * {@code 10.0.3.*:5432}, {@code [fd00::1]:6379}. It is matched against the host as the target
 * names it, not against a resolved address.
 */
public record TargetPattern(String host, Integer port) {
  private static final Pattern HOST_GLOB = Pattern.compile("[A-Za-z0-9._*-]{1,253}");
  private static final Pattern IPV6_GLOB = Pattern.compile("\\[[0-9A-Fa-f:.*]{1,64}]");

  public static TargetPattern parse(String text) {
    String s = text == null ? "" : text.strip();
    String host = s;
    Integer port = null;
    int colon = s.lastIndexOf(':');
    if (colon >= 0 && (!s.startsWith("[") || s.lastIndexOf(']') < colon)) {
      host = s.substring(0, colon);
      port = port(s.substring(colon + 1));
    }
    if (!HOST_GLOB.matcher(host).matches() && !IPV6_GLOB.matcher(host).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a host pattern such as "
          + "db-*.example.com, 10.0.3.* or db.example.com:5432");
    }
    return new TargetPattern(host.toLowerCase(Locale.ROOT), port);
  }

  private static Integer port(String text) {
    if (text.equals("*")) {
      return null;
    }
    if (text.matches("[0-9]{1,5}")) {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a port from 1 to 65535 or *");
  }

  public boolean matches(String targetHost, int targetPort) {
    return (port == null || port == targetPort)
        && glob(host, 0, targetHost.toLowerCase(Locale.ROOT), 0);
  }

  private static boolean glob(String p, int i, String s, int j) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= s.length(); k++) {
          if (glob(p, i + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (j >= s.length() || s.charAt(j) != c) {
        return false;
      }
      i++;
      j++;
    }
    return j == s.length();
  }

  @Override
  public String toString() {
    return port == null ? host : host + ":" + port;
  }
}
