package io.exporters.common.config;

import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the keys every exporter shares once they are bound (deadlines, connection limits, log
 * settings, listen address, collector names and options, auth modules), and reads auth
 * modules' password files. Every error names the key and where its value came from.
 */
final class CommonValidation {
  private static final List<String> LEVELS = List.of("debug", "info", "warn", "error");
  private static final List<String> FORMATS = List.of("logfmt", "json");

  private CommonValidation() {}

  static void check(CommonConfig common, ConfigSchema<?> schema, Set<String> extraCollectors,
      ConfigTree tree) throws ConfigException {
    ScrapeSettings s = common.scrape();
    positive(s.timeout(), "scrape.timeout", tree);
    positive(s.defaultTimeout(), "scrape.default_timeout", tree);
    positive(s.connectionIdleTimeout(), "scrape.connection_idle_timeout", tree);
    positive(s.targetIdleTimeout(), "scrape.target_idle_timeout", tree);
    if (s.timeoutMargin().isNegative()) {
      throw error(tree, "scrape.timeout_margin", "must not be negative");
    }
    if (s.maxConnectionsPerTarget() < 1) {
      throw error(tree, "scrape.max_connections_per_target", "must be at least 1");
    }
    if (s.maxConnections() < s.maxConnectionsPerTarget()) {
      throw error(tree, "scrape.max_connections", "must be at least "
          + "scrape.max_connections_per_target (" + s.maxConnectionsPerTarget() + ")");
    }
    if (s.maxConcurrentProbes() < 1 || s.maxConcurrentProbes() > 1000) {
      throw error(tree, "scrape.max_concurrent_probes", "must be 1 to 1000");
    }
    if (s.maxProbeConnections() < s.maxConnectionsPerTarget()) {
      throw error(tree, "scrape.max_probe_connections", "must be at least "
          + "scrape.max_connections_per_target (" + s.maxConnectionsPerTarget() + ")");
    }
    level(common.log().levelOrDefault(), "log.level", tree);
    if (common.log().serverLevel() != null) {
      level(common.log().serverLevel(), "log.server_level", tree);
    }
    String format = common.log().formatOrDefault();
    if (!FORMATS.contains(format)) {
      throw error(tree, "log.format", "unknown format '" + format + "' (use logfmt or json)");
    }
    try {
      ListenAddress.parse(common.web().listenAddress());
    } catch (IllegalArgumentException e) {
      throw error(tree, "web.listen_address", e.getMessage());
    }
    if (!common.web().telemetryPath().startsWith("/")) {
      throw error(tree, "web.telemetry_path", "must start with '/'");
    }
    collectors(common, schema, extraCollectors, tree);
    authModules(common, tree);
  }

  private static void collectors(CommonConfig common, ConfigSchema<?> schema,
      Set<String> extraCollectors, ConfigTree tree) throws ConfigException {
    for (Map.Entry<String, CollectorConfig> e : common.collectors().entrySet()) {
      String key = "collectors." + e.getKey();
      Optional<? extends CollectorSpec<?>> spec = schema.collectors().get(e.getKey());
      if (spec.isEmpty() && extraCollectors.contains(e.getKey())) {
        continue;
      }
      if (spec.isEmpty()) {
        throw new ConfigException(tree.sourceOf(key) + ": unknown collector '" + e.getKey()
            + "' (known: " + String.join(", ", schema.collectors().names()) + ")");
      }
      CollectorConfig c = e.getValue();
      if (c == null) {
        continue;
      }
      for (String option : c.options().keySet()) {
        if (!spec.get().options().contains(option)) {
          throw new ConfigException(tree.sourceOf(key + "." + option) + ": unknown key '" + key
              + "." + option + "' (collector '" + e.getKey() + "' takes: "
              + String.join(", ", withBasics(spec.get())) + ")");
        }
      }
      if (c.ttl() != null && c.ttl().isNegative()) {
        // Zero is allowed: it turns off a collector's default cache.
        positive(c.ttl(), key + ".ttl", tree);
      }
      if (c.timeout() != null) {
        positive(c.timeout(), key + ".timeout", tree);
      }
    }
  }

  private static void authModules(CommonConfig common, ConfigTree tree) throws ConfigException {
    for (Map.Entry<String, AuthModule> e : common.authModules().entrySet()) {
      String key = "auth_modules." + e.getKey();
      AuthModule m = e.getValue();
      if (m == null || !"userpass".equals(m.type())) {
        throw new ConfigException(tree.sourceOf(key + ".type") + ": key '" + key
            + ".type': unsupported auth module type '" + (m == null ? null : m.type())
            + "' (only 'userpass')");
      }
      if (m.userpass() == null || m.userpass().username() == null
          || m.userpass().username().isBlank()) {
        throw new ConfigException(tree.sourceOf(key) + ": key '" + key
            + ".userpass.username' is required");
      }
      if (m.userpass().password() == null || m.userpass().password().isEmpty()) {
        throw new ConfigException(tree.sourceOf(key) + ": key '" + key
            + ".userpass.password' (or password_file) is required");
      }
      for (String pattern : m.allowedTargets()) {
        try {
          TargetPattern.parse(pattern);
        } catch (IllegalArgumentException ex) {
          throw error(tree, key + ".allowed_targets", ex.getMessage());
        }
      }
    }
  }

  /**
   * Auth modules with each {@code password_file} read into the password. A relative path is
   * read from the config file's directory, as Prometheus reads the files its config names.
   */
  static Map<String, AuthModule> readPasswordFiles(Map<String, AuthModule> modules,
      ConfigTree tree) throws ConfigException {
    Map<String, AuthModule> out = new LinkedHashMap<>();
    for (Map.Entry<String, AuthModule> e : modules.entrySet()) {
      AuthModule m = e.getValue();
      if (m != null && m.userpass() != null && m.userpass().passwordFile() != null) {
        String key = "auth_modules." + e.getKey() + ".userpass.password_file";
        Path p = Path.of(m.userpass().passwordFile());
        if (!p.isAbsolute() && tree.file() != null && tree.file().getParent() != null) {
          p = tree.file().getParent().resolve(p);
        }
        try {
          Secret password = Secret.configured(
              Files.readString(p, StandardCharsets.UTF_8).strip());
          m = new AuthModule(m.type(), new AuthModule.UserPass(m.userpass().username(), password,
              m.userpass().passwordFile()), m.options(), m.allowedTargets());
        } catch (IOException ex) {
          throw new ConfigException(tree.sourceOf(key) + ": key '" + key + "': cannot read "
              + p + ": " + YamlBinding.ioReason(ex));
        }
      }
      out.put(e.getKey(), m);
    }
    return out;
  }

  private static List<String> withBasics(CollectorSpec<?> spec) {
    List<String> out = new ArrayList<>(List.of("enabled", "ttl", "timeout"));
    out.addAll(new TreeSet<>(spec.options()));
    return out;
  }

  private static void level(String level, String key, ConfigTree tree) throws ConfigException {
    if (!LEVELS.contains(level)) {
      throw error(tree, key, "unknown level '" + level + "' (use " + String.join(", ", LEVELS)
          + ")");
    }
  }

  private static void positive(Duration d, String key, ConfigTree tree) throws ConfigException {
    if (d == null || d.isZero() || d.isNegative()) {
      throw error(tree, key, "must be positive");
    }
  }

  private static ConfigException error(ConfigTree tree, String key, String message) {
    return new ConfigException(tree.sourceOf(key) + ": key '" + key + "': " + message);
  }
}
