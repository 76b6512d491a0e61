package io.exporters.redis;

import io.exporters.common.backend.Target;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.secret.Secret;
import io.exporters.common.server.ProbeRequest;
import io.exporters.redis.client.RedisAddress;
import io.exporters.redis.client.RedisConnector;
import io.exporters.redis.settings.ProbeOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which server a scrape reaches and with which login. {@code --redis.addr} uses the configured
 * user and password (or its entry in the password file). A {@code /scrape} target uses, in
 * order: the auth module it names, the credentials in its own URL, its entry in the password
 * file, and the configured login only where the operator vouched for the address (it is
 * {@code --redis.addr}, or {@code --redis.password-on-scrape-targets} is set): a caller can
 * never make the exporter send the operator's password to a server the caller chose.
 */
final class RedisTargets {
  private static final String TLS_NAME_PATTERN = "[A-Za-z0-9.\\-]{1,253}";

  private RedisTargets() {}

  /** The target of /metrics; empty when the address is set to nothing. */
  static Optional<Target> defaultTarget(RedisSettings s) {
    String addr = s.redisAddr() == null ? RedisSettings.DEFAULT_ADDR : s.redisAddr();
    if (addr.isBlank()) {
      return Optional.empty();
    }
    RedisAddress address = RedisAddress.parse(addr);
    String user = s.redisUser() != null && !s.redisUser().isEmpty() ? s.redisUser()
        : address.username();
    return Optional.of(new Target(address.canonical(), "", user,
        configuredPassword(s, address, user), Map.of()));
  }

  static Target probe(ProbeRequest request, LoadedConfig<RedisSettings> config) {
    RedisSettings s = config.settings();
    RedisAddress address = RedisAddress.parse(request.target());
    Map<String, String> options = new LinkedHashMap<>(options(request.params()));
    Optional<AuthModule> module = request.authModule(config.common(), address.host(),
        address.port());
    if (module.isPresent()) {
      // Checked against the allowed options when the config was loaded.
      options.putAll(module.get().options());
      AuthModule.UserPass login = module.get().userpass();
      return new Target(address.canonical(), request.module(),
          login == null ? null : login.username(), login == null ? null : login.password(),
          keyValues(options, s, false));
    }
    if (address.password() != null) {
      return new Target(address.canonical(), "", address.username(), address.password(),
          keyValues(options, s, true));
    }
    String user = address.username() != null ? address.username() : s.redisUser();
    Optional<Secret> filed = s.passwords().lookup(address, user);
    if (filed.isPresent()) {
      return new Target(address.canonical(), "", user, filed.get(),
          keyValues(options, s, false));
    }
    boolean configured = defaultTarget(s).map(t -> t.address().equals(address.canonical()))
        .orElse(false);
    if (configured || RedisSettings.on(s.redisPasswordOnScrapeTargets())) {
      Secret password = configuredPassword(s, address, user);
      return new Target(address.canonical(), "", user, password,
          keyValues(options, s, !configured && password == null));
    }
    // A server the caller named, without a password: it reads no more than it could itself.
    return new Target(address.canonical(), "", address.username(), null,
        keyValues(options, s, true));
  }

  /**
   * Marks whether the values of keys the request named may be exported: where the caller could
   * read them itself (its own password, or no password at a server it named), or the operator
   * allowed it (--scrape-key-values). Values of the configured instance, or through the
   * operator's credentials, are the operator's to give; names and sizes are always open.
   */
  private static Map<String, String> keyValues(Map<String, String> options, RedisSettings s,
      boolean callerCouldReadThem) {
    if (callerCouldReadThem || RedisSettings.on(s.scrapeKeyValues())) {
      options.put(ProbeOptions.REQUEST_KEY_VALUES, "true");
    }
    return options;
  }

  /** The per-request checks and TLS name, validated; anything else is ignored as the anchor. */
  private static Map<String, String> options(Map<String, String> params) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String param : ProbeOptions.KEY_PARAMS) {
      String value = params.get(param);
      if (value != null && !value.isBlank()) {
        ProbeOptions.patterns(Map.of(param, value), param);
        options.put(param, value);
      }
    }
    for (String param : List.of("tls_server_name", "tls-server-name")) {
      String value = params.get(param);
      if (value != null && !value.isBlank()) {
        if (!value.matches(TLS_NAME_PATTERN)) {
          throw new IllegalArgumentException("parameter '" + param + "' is not a host name");
        }
        options.put(RedisConnector.TLS_SERVER_NAME, value);
      }
    }
    return options;
  }

  private static Secret configuredPassword(RedisSettings s, RedisAddress address, String user) {
    if (s.redisPassword() != null && !s.redisPassword().isEmpty()) {
      return s.redisPassword();
    }
    if (address.password() != null) {
      return Secret.configured(address.password().reveal());
    }
    return s.passwords().lookup(address, user).orElse(null);
  }
}
