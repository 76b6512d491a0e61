package io.exporters.redis;

import java.net.URI;

/** A Redis address as redis_exporter takes it: redis://host:port, rediss://..., or host:port. */
record RedisAddress(String host, int port, boolean tls) {
  static RedisAddress parse(String addr) {
    String s = addr == null ? "" : addr.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty Redis address");
    }
    if (!s.contains("://")) {
      s = "redis://" + s;
    }
    URI uri;
    try {
      uri = URI.create(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + addr + "' is not a Redis address");
    }
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new IllegalArgumentException("unsupported scheme '" + uri.getScheme()
          + "' (use redis:// or rediss://)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + addr + "' has no host");
    }
    return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(),
        "rediss".equals(uri.getScheme()));
  }

  String canonical() {
    return (tls ? "rediss://" : "redis://") + host + ":" + port;
  }
}
