package io.exporters.redis.client;

import io.exporters.common.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A Redis address as redis_exporter takes it: {@code redis://[user[:password]@]host[:port][/db]},
 * {@code rediss://} for TLS ({@code valkey://} and {@code valkeys://} alike), or a bare
 * {@code host:port}. Errors name the part that is wrong, never the password.
 */
public record RedisAddress(boolean tls, String host, int port, String username,
    Secret password) {
  public static final int DEFAULT_PORT = 6379;
  /** Longer addresses are not addresses. */
  static final int MAX_LENGTH = 512;

  public static RedisAddress parse(String addr) {
    String s = addr == null ? "" : addr.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty Redis address");
    }
    if (s.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the address is longer than " + MAX_LENGTH
          + " characters");
    }
    if (!s.contains("://")) {
      s = "redis://" + s;
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a Redis address (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    boolean tls;
    switch (scheme) {
      case "redis", "valkey" -> tls = false;
      case "rediss", "valkeys" -> tls = true;
      case "unix" -> throw new IllegalArgumentException("unix sockets are not supported; "
          + "use redis://host:port");
      default -> throw new IllegalArgumentException("unsupported scheme '" + scheme
          + "' (use redis://, rediss://, valkey:// or valkeys://)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("the address has no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the address must not have a query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/") && !path.matches("/\\d{1,5}")) {
      throw new IllegalArgumentException("the path of a Redis address can only be a database "
          + "number");
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range");
    }
    String user = null;
    Secret password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      user = rawUser.isEmpty() ? null : decode(rawUser);
      if (colon >= 0 && colon < userInfo.length() - 1) {
        password = Secret.of(decode(userInfo.substring(colon + 1)));
      }
    }
    return new RedisAddress(tls, uri.getHost(), port, user, password);
  }

  /** {@code redis://host:port} or {@code rediss://host:port}: no user, no password, no db. */
  public String canonical() {
    return (tls ? "rediss://" : "redis://") + hostPort();
  }

  /** {@code host:port}, IPv6 hosts in brackets. */
  public String hostPort() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return canonical();
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the user info of the address has a bad %-escape");
    }
  }
}
