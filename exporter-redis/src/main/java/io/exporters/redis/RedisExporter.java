package io.exporters.redis;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.backend.Backend;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.FlagSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.server.ProbeRequest;
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
    return ConfigSchema.builder(RedisSettings.class, 9121, COLLECTORS)
        .envPrefix("REDIS_EXPORTER_")
        .flags(FlagSpec.string("redis.addr", "redis_addr", "Address of the Redis instance.",
                "REDIS_ADDR"),
            FlagSpec.string("redis.user", "redis_user", "User name for Redis ACL.", "REDIS_USER"))
        .env(EnvSpec.secret("REDIS_PASSWORD", "redis_password"))
        .validator((settings, tree) -> {
          if (settings.redisAddr() != null) {
            try {
              RedisAddress.parse(settings.redisAddr());
            } catch (IllegalArgumentException e) {
              throw new ConfigException(tree.sourceOf("redis_addr") + ": key 'redis_addr': "
                  + e.getMessage());
            }
          }
        })
        .build();
  }

  @Override
  public Backend<Jedis> backend(LoadedConfig<RedisSettings> config) {
    return Backend.pooled(new RedisConnector());
  }

  @Override
  public List<Target> defaultTargets(LoadedConfig<RedisSettings> config) {
    RedisSettings s = config.settings();
    String addr = s.redisAddr() == null ? "redis://localhost:6379" : s.redisAddr();
    return List.of(new Target(RedisAddress.parse(addr).canonical(), "", s.redisUser(),
        s.redisPassword(), Map.of()));
  }

  @Override
  public Target probeTarget(ProbeRequest request, LoadedConfig<RedisSettings> config) {
    Optional<AuthModule> module = request.authModule(config.common());
    String canonical = RedisAddress.parse(request.target()).canonical();
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
