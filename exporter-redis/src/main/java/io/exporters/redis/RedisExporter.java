package io.exporters.redis;

import io.exporters.common.ExporterApp;
import io.exporters.common.ExporterDefinition;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.FlagSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.target.Target;
import io.exporters.common.target.TargetConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;

/** A drop-in for oliver006/redis_exporter: same port, flags, env, /scrape path and names. */
public final class RedisExporter implements ExporterDefinition<Jedis, RedisSettings> {
  static final CollectorCatalog<Jedis> COLLECTORS = new CollectorCatalog<>();

  @Override
  public String name() {
    return "redis_exporter";
  }

  @Override
  public String namespace() {
    return "redis";
  }

  @Override
  public String description() {
    return "Prometheus exporter for Redis metrics.";
  }

  @Override
  public CollectorCatalog<Jedis> collectors() {
    return COLLECTORS;
  }

  @Override
  public ConfigSchema<RedisSettings> configSchema() {
    return new ConfigSchema<>(RedisSettings.class, 9121, "REDIS_EXPORTER_", null,
        List.of(
            FlagSpec.string("redis.addr", "redis_addr", "Address of the Redis instance.",
                "REDIS_ADDR"),
            FlagSpec.string("redis.user", "redis_user", "User name for Redis ACL.", "REDIS_USER")),
        List.of(EnvSpec.secret("REDIS_PASSWORD", "redis_password")),
        null, COLLECTORS, (settings, tree) -> {
          if (settings.redisAddr() != null) {
            try {
              RedisAddress.parse(settings.redisAddr());
            } catch (IllegalArgumentException e) {
              throw new ConfigException(tree.sourceOf("redis_addr") + ": key 'redis_addr': "
                  + e.getMessage());
            }
          }
        });
  }

  @Override
  public TargetConnector<Jedis> connector(LoadedConfig<RedisSettings> config) {
    return new RedisConnector();
  }

  @Override
  public Optional<Target> defaultTarget(LoadedConfig<RedisSettings> config) {
    RedisSettings s = config.settings();
    String addr = s.redisAddr() == null ? "redis://localhost:6379" : s.redisAddr();
    return Optional.of(new Target(RedisAddress.parse(addr).canonical(), "", s.redisUser(),
        s.redisPassword(), Map.of()));
  }

  @Override
  public Target probeTarget(String target, Optional<AuthModule> module,
      LoadedConfig<RedisSettings> config) {
    String canonical = RedisAddress.parse(target).canonical();
    return module.map(m -> new Target(canonical, "", m.userpass().username(),
        m.userpass().password(), m.options())).orElse(Target.of(canonical));
  }

  @Override
  public List<String> probeAliases() {
    return List.of("/scrape");
  }

  public static void main(String[] args) {
    ExporterApp.main(new RedisExporter(), args);
  }
}
