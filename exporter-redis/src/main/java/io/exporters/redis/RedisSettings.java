package io.exporters.redis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.exporters.common.secret.Secret;
import io.exporters.redis.client.ConnectSettings;
import io.exporters.redis.client.TlsOptions;
import io.exporters.redis.settings.LuaScript;
import java.time.Duration;
import java.util.List;

/**
 * redis_exporter's own keys (each also a flag and a {@code REDIS_EXPORTER_*} variable, see
 * {@link RedisSchema}). {@code passwords} and {@code scripts} are not keys: they are what
 * {@code redis_password_file} and {@code script} name, read once per load.
 */
public record RedisSettings(
    String redisAddr, String redisUser, Secret redisPassword, String redisPasswordFile,
    Boolean redisPasswordOnScrapeTargets,
    String namespace, String compat,
    String checkKeys, String checkSingleKeys, String checkStreams, String checkSingleStreams,
    String countKeys, Integer checkKeysBatchSize, Integer checkKeysLimit,
    Duration checkKeysScanTtl, Boolean disableExportingKeyValues, Boolean scrapeKeyValues,
    Boolean skipCheckkeysForRoleMaster, Boolean streamsExcludeConsumerMetrics,
    List<String> script, Boolean luaScriptReadOnly,
    String configCommand, Duration connectionTimeout, Boolean setClientName,
    Boolean pingOnConnect,
    String tlsClientKeyFile, String tlsClientCertFile, String tlsCaCertFile,
    Boolean skipTlsVerification, String tlsServerName,
    Boolean isCluster, Boolean clusterAllNodes, Boolean clusterDiscoverHostnames,
    Boolean exportClientList, Boolean exportClientPort,
    Boolean includeConfigMetrics, Boolean redactConfigMetrics, Boolean includeSystemMetrics,
    Boolean includeMetricsForEmptyDatabases, Boolean excludeLatencyHistogramMetrics,
    Boolean redisOnlyMetrics,
    @JsonIgnore PasswordFile passwords, @JsonIgnore List<LuaScript> scripts) {

  public static final String DEFAULT_ADDR = "redis://localhost:6379";

  public RedisSettings {
    script = script == null ? List.of() : List.copyOf(script);
    passwords = passwords == null ? PasswordFile.EMPTY : passwords;
    scripts = scripts == null ? List.of() : List.copyOf(scripts);
  }

  /** Nothing set: every default. */
  static RedisSettings defaults() {
    return new RedisSettings(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  String configCommandOrDefault() {
    return configCommand == null ? "CONFIG" : configCommand;
  }

  /** How connections are opened: name, timeout, TLS, the CONFIG command's name. */
  ConnectSettings connectSettings() {
    return new ConnectSettings(onUnlessOff(setClientName) ? ConnectSettings.CLIENT_NAME : null,
        connectionTimeout == null ? ConnectSettings.DEFAULT.connectionTimeout()
            : connectionTimeout,
        new TlsOptions(tlsClientCertFile, tlsClientKeyFile, tlsCaCertFile,
            on(skipTlsVerification), tlsServerName),
        configCommandOrDefault());
  }

  RedisSettings withFiles(PasswordFile readPasswords, List<LuaScript> readScripts) {
    return new RedisSettings(redisAddr, redisUser, redisPassword, redisPasswordFile,
        redisPasswordOnScrapeTargets, namespace, compat, checkKeys, checkSingleKeys,
        checkStreams, checkSingleStreams, countKeys, checkKeysBatchSize, checkKeysLimit,
        checkKeysScanTtl, disableExportingKeyValues, scrapeKeyValues, skipCheckkeysForRoleMaster,
        streamsExcludeConsumerMetrics, script, luaScriptReadOnly, configCommand,
        connectionTimeout, setClientName, pingOnConnect, tlsClientKeyFile, tlsClientCertFile,
        tlsCaCertFile, skipTlsVerification, tlsServerName, isCluster, clusterAllNodes,
        clusterDiscoverHostnames, exportClientList, exportClientPort, includeConfigMetrics,
        redactConfigMetrics, includeSystemMetrics, includeMetricsForEmptyDatabases,
        excludeLatencyHistogramMetrics, redisOnlyMetrics, readPasswords, readScripts);
  }

  static boolean on(Boolean flag) {
    return flag != null && flag;
  }

  static boolean onUnlessOff(Boolean flag) {
    return flag == null || flag;
  }
}
