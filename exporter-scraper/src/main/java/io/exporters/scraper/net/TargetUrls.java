package io.exporters.scraper.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a probe target may be and how it may be shown: http and https URLs (a bare host gets
 * {@code http://} as in blackbox), host:port for tcp, and any URL without its user info wherever
 * it is shown (labels, logs, history), since that part can hold a password.
 */
public final class TargetUrls {
  /** Longer targets are refused: no real endpoint needs them, and they cost every log line. */
  public static final int MAX_LENGTH = 2048;

  private TargetUrls() {}

  /** The http(s) URL a target names, {@code http://} added when it has no scheme. */
  public static URI http(String target) {
    checkLength(target);
    String text = target.contains("://") ? target : "http://" + target;
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("target is not a valid URL (at character "
          + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("only http:// and https:// targets can be probed by an "
          + "http module, not '" + shortScheme(scheme) + "://'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("target URL has no host");
    }
    return uri;
  }

  /** A tcp target: {@code host:port} or {@code [v6]:port}, nothing else. */
  public static HostPort hostPort(String target) {
    checkLength(target);
    if (target.contains("/") || target.contains("@") || target.contains("?")) {
      throw new IllegalArgumentException("a tcp target is host:port, not a URL");
    }
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new IllegalArgumentException("a tcp target is host:port; the port is missing");
    }
    String host = target.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("an IPv6 tcp target is written [address]:port");
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port of a tcp target must be a number");
    }
    if (port < 1 || port > 65535 || host.isEmpty()) {
      throw new IllegalArgumentException("a tcp target needs a host and a port from 1 to 65535");
    }
    return new HostPort(host, port);
  }

  /** {@code text} with any {@code user:password@} removed, for labels, logs and pages. */
  public static String withoutUserInfo(String text) {
    if (text == null) {
      return null;
    }
    int scheme = text.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int end = start;
    while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    int at = text.lastIndexOf('@', end - 1);
    if (at < start) {
      return text;
    }
    return text.substring(0, start) + text.substring(at + 1);
  }

  private static void checkLength(String target) {
    if (target.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("target longer than " + MAX_LENGTH + " characters");
    }
  }

  private static String shortScheme(String scheme) {
    return scheme.length() > 20 || !scheme.matches("[a-z0-9+.-]*") ? "?" : scheme;
  }

  /** A tcp target. */
  public record HostPort(String host, int port) {
    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }
}
