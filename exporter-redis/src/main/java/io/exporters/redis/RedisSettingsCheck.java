package io.exporters.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigTree;
import io.exporters.common.config.YamlBinding;
import io.exporters.redis.client.RedisAddress;
import io.exporters.redis.client.RedisConnector;
import io.exporters.redis.settings.Compat;
import io.exporters.redis.settings.KeyPattern;
import io.exporters.redis.settings.LuaScript;
import io.exporters.redis.settings.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of one load that binding cannot make, each naming the key and where its value
 * came from; and the files the settings name (password file, Lua scripts), read here once.
 */
final class RedisSettingsCheck {
  private RedisSettingsCheck() {}

  static RedisSettings resolve(RedisSettings s, ConfigTree tree, String namespace)
      throws ConfigException {
    if (s.redisAddr() != null && !s.redisAddr().isBlank()) {
      check(tree, "redis_addr", () -> RedisAddress.parse(s.redisAddr()));
    }
    String ns = s.namespace() == null ? "redis" : s.namespace();
    check(tree, "namespace", () -> new Names(ns));
    if (!ns.equals(namespace)) {
      throw error(tree, "namespace", "the namespace is fixed at start by --namespace or "
          + "REDIS_EXPORTER_NAMESPACE (running with '" + namespace + "')");
    }
    check(tree, "compat", () -> Compat.parse(s.compat()));
    for (String key : List.of("check_keys", "check_single_keys", "check_streams",
        "check_single_streams", "count_keys")) {
      Optional<String> value = tree.node(key).map(JsonNode::asText);
      if (value.isPresent()) {
        check(tree, key, () -> KeyPattern.parseList(value.get()));
      }
    }
    positive(tree, "check_keys_batch_size", s.checkKeysBatchSize());
    positive(tree, "check_keys_limit", s.checkKeysLimit());
    if (s.checkKeysScanTtl() != null && s.checkKeysScanTtl().isNegative()) {
      throw error(tree, "check_keys_scan_ttl", "must not be negative");
    }
    if (s.connectionTimeout() != null
        && (s.connectionTimeout().isNegative() || s.connectionTimeout().isZero())) {
      throw error(tree, "connection_timeout", "must be positive");
    }
    if (s.configCommand() != null && !s.configCommand().matches("-|[A-Za-z0-9_\\-]{1,64}")) {
      throw error(tree, "config_command", "must be a command name or -");
    }
    if ((s.tlsClientCertFile() == null) != (s.tlsClientKeyFile() == null)) {
      throw error(tree, s.tlsClientCertFile() == null ? "tls_client_key_file"
          : "tls_client_cert_file", "a client certificate needs both "
          + "tls_client_cert_file and tls_client_key_file");
    }
    for (String key : List.of("tls_client_key_file", "tls_client_cert_file",
        "tls_ca_cert_file")) {
      Optional<String> file = tree.node(key).map(JsonNode::asText);
      if (file.isPresent() && !Files.isReadable(Path.of(file.get()))) {
        throw error(tree, key, "cannot read " + file.get());
      }
    }
    if (RedisSettings.on(s.clusterAllNodes()) && !RedisSettings.on(s.isCluster())) {
      throw error(tree, "cluster_all_nodes", "needs is_cluster (--is-cluster)");
    }
    authModuleOptions(tree);
    return s.withFiles(passwords(s, tree), scripts(s, tree));
  }

  private static PasswordFile passwords(RedisSettings s, ConfigTree tree)
      throws ConfigException {
    if (s.redisPasswordFile() == null || s.redisPasswordFile().isBlank()) {
      return PasswordFile.EMPTY;
    }
    String text = read(tree, "redis_password_file", s.redisPasswordFile());
    try {
      return PasswordFile.parse(text);
    } catch (IllegalArgumentException e) {
      throw error(tree, "redis_password_file", s.redisPasswordFile() + ": " + e.getMessage());
    }
  }

  private static List<LuaScript> scripts(RedisSettings s, ConfigTree tree)
      throws ConfigException {
    List<LuaScript> out = new ArrayList<>();
    for (String file : s.script()) {
      out.add(LuaScript.of(Path.of(file), read(tree, "script", file)));
    }
    return out;
  }

  /** Auth modules may carry one driver option, the TLS server name; nothing else. */
  private static void authModuleOptions(ConfigTree tree) throws ConfigException {
    Optional<JsonNode> modules = tree.node("auth_modules");
    if (modules.isEmpty() || !modules.get().isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> m : modules.get().properties()) {
      JsonNode options = m.getValue().path("options");
      if (!options.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> o : options.properties()) {
        if (!o.getKey().equals(RedisConnector.TLS_SERVER_NAME)) {
          String key = "auth_modules." + m.getKey() + ".options";
          throw error(tree, key, "unknown option '" + o.getKey() + "' (allowed: "
              + RedisConnector.TLS_SERVER_NAME + ")");
        }
      }
    }
  }

  private static String read(ConfigTree tree, String key, String file) throws ConfigException {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw error(tree, key, "cannot read " + file + ": " + YamlBinding.ioReason(e));
    }
  }

  private static void positive(ConfigTree tree, String key, Integer value)
      throws ConfigException {
    if (value != null && value < 1) {
      throw error(tree, key, "must be at least 1");
    }
  }

  /** A check that throws IllegalArgumentException, turned into an error naming the key. */
  private static void check(ConfigTree tree, String key, Runnable check)
      throws ConfigException {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw error(tree, key, e.getMessage());
    }
  }

  static ConfigException error(ConfigTree tree, String key, String message) {
    return new ConfigException(tree.sourceOf(key) + ": key '" + key + "': " + message);
  }
}
