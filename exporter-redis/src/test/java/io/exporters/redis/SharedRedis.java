package io.exporters.redis;

import io.exporters.testkit.Backends;
import java.util.UUID;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The shared Redis of the test environment ({@link Backends#redis()}), for tests that only read
 * it or create keys of their own: a unique key prefix per use, and those keys deleted after.
 * Nothing here flushes, reconfigures or changes users.
 */
public final class SharedRedis implements AutoCloseable {
  private final Backends.Endpoint endpoint = Backends.redis();
  private final String prefix = "exporter-test:" + UUID.randomUUID() + ":";
  // No CLIENT SETINFO: Redis 7.0 answers it with an error, which tests count.
  private final Jedis jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()),
      DefaultJedisClientConfig.builder().clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
          .build());

  public String address() {
    return endpoint.address();
  }

  public String url() {
    return "redis://" + endpoint.address();
  }

  /** The prefix every key of this test starts with. */
  public String prefix() {
    return prefix;
  }

  public String key(String name) {
    return prefix + name;
  }

  /** A client to create keys with; keys must start with {@link #prefix()}. */
  public Jedis jedis() {
    return jedis;
  }

  /** Deletes this test's keys in the given databases. */
  public void cleanUp(int... dbs) {
    for (int db : dbs) {
      jedis.select(db);
      for (String key : jedis.keys(prefix + "*")) {
        jedis.del(key);
      }
    }
    jedis.select(0);
  }

  @Override
  public void close() {
    jedis.close();
  }
}
