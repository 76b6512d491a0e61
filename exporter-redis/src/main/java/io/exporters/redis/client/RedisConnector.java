package io.exporters.redis.client;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.TargetConnector;
import io.exporters.common.backend.Version;
import java.util.Optional;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;

/**
 * Opens the pooled connections: TCP (and TLS) within the scrape deadline and the connection
 * timeout, AUTH with the target's own credentials, {@code CLIENT SETNAME redis_exporter} (users
 * filter CLIENT LIST by it), RESP2 and no {@code CLIENT SETINFO} (which Redis before 7.2,
 * Sentinel and managed services answer with an error). The target's facts are found on its
 * first connection and shared by the rest.
 */
public final class RedisConnector implements TargetConnector<RedisConnection> {
  /** The one driver option a target may carry: the TLS server name of a /scrape request. */
  public static final String TLS_SERVER_NAME = "tls_server_name";

  private final ConnectSettings settings;
  private final FactsCache facts = new FactsCache();

  public RedisConnector(ConnectSettings settings) {
    this.settings = settings;
  }

  @Override
  public RedisConnection connect(Target target, Deadline deadline) {
    RedisAddress address = RedisAddress.parse(target.address());
    int timeout = (int) Math.max(1, Math.min(deadline.remainingMillis(),
        settings.connectionTimeout().toMillis()));
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeout)
        .socketTimeoutMillis(timeout)
        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (settings.clientName() != null) {
      config.clientName(settings.clientName());
    }
    if (target.username() != null && !target.username().isEmpty()) {
      config.user(target.username());
    }
    if (target.password() != null && !target.password().isEmpty()) {
      config.password(target.password().reveal());
    }
    TlsOptions tls = settings.tls().withServerName(target.options().get(TLS_SERVER_NAME));
    // The constructor connects, authenticates and names the connection; on failure it closes
    // the socket itself.
    Connection connection = new Connection(new RedisSockets(address, tls, timeout),
        config.build());
    RedisConnection redis = new RedisConnection(connection, address, new SharedFacts(target),
        Math.min(Integer.MAX_VALUE, settings.connectionTimeout().toMillis()));
    try {
      redis.limitTo(deadline).facts();
      return redis;
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  @Override
  public boolean isHealthy(RedisConnection connection, Deadline deadline) {
    if (connection.isBroken()) {
      return false;
    }
    try {
      return "PONG".equals(Replies.text(connection.limitTo(deadline).call("PING")));
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close(RedisConnection connection) {
    connection.close();
  }

  @Override
  public void abort(RedisConnection connection) {
    connection.abort();
  }

  /** From the target's facts: no round trip per scrape. */
  @Override
  public Optional<Version> version(RedisConnection connection) {
    return Optional.ofNullable(connection.facts().version());
  }

  /** One target's facts in the shared cache, found through the first connection that asks. */
  private final class SharedFacts implements RedisConnection.FactsSource {
    private final Target target;

    SharedFacts(Target target) {
      this.target = target;
    }

    @Override
    public ServerFacts of(RedisConnection connection) {
      ServerFacts known = facts.get(target.key());
      if (known == null) {
        known = FactsProbe.detect(connection, settings.configDisabled() ? "-"
            : settings.configCommand());
        facts.put(target.key(), known);
      }
      return known;
    }

    @Override
    public void serverChanged(ServerFacts stale) {
      facts.forget(target.key(), stale);
    }
  }
}
