package io.exporters.redis;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.TargetConnector;
import io.exporters.common.backend.Version;
import java.util.Optional;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** One Jedis connection per pooled slot, with timeouts bounded by the scrape deadline. */
final class RedisConnector implements TargetConnector<Jedis> {
  @Override
  public Jedis connect(Target target, Deadline deadline) {
    RedisAddress addr = RedisAddress.parse(target.address());
    int timeoutMs = (int) Math.max(100, deadline.remainingMillis());
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMs)
        .socketTimeoutMillis(timeoutMs)
        .clientName("exporter-redis")
        .ssl(addr.tls());
    if (target.username() != null && !target.username().isEmpty()) {
      config.user(target.username());
    }
    if (target.password() != null) {
      config.password(target.password().reveal());
    }
    Jedis jedis = new Jedis(new HostAndPort(addr.host(), addr.port()), config.build());
    try {
      jedis.ping();
    } catch (RuntimeException e) {
      jedis.close();
      throw e;
    }
    return jedis;
  }

  @Override
  public boolean isHealthy(Jedis jedis, Deadline deadline) {
    try {
      return jedis.isConnected() && "PONG".equals(jedis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close(Jedis jedis) {
    try {
      jedis.close();
    } catch (RuntimeException ignored) {
      // A broken connection may fail to close; it is gone either way.
    }
  }

  @Override
  public void abort(Jedis jedis) {
    try {
      jedis.disconnect();
    } catch (RuntimeException ignored) {
      // Already dead.
    }
  }

  @Override
  public Optional<Version> version(Jedis jedis) {
    for (String line : jedis.info("server").split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        return Optional.of(Version.parse(line.substring("redis_version:".length())));
      }
    }
    return Optional.empty();
  }
}
