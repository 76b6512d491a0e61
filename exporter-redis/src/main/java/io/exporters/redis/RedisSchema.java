package io.exporters.redis;

import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.FlagSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * redis_exporter's configuration surface: its flags (each also {@code REDIS_EXPORTER_<FLAG>}
 * in the environment, and {@code REDIS_ADDR}, {@code REDIS_USER}, {@code REDIS_PASSWORD},
 * {@code REDIS_PASSWORD_FILE} as the anchor names them), the flags it keeps for compatibility
 * ({@link CompatFlags}) and the checks and file reads of one load ({@link RedisSettingsCheck}).
 */
final class RedisSchema {
  private RedisSchema() {}

  static ConfigSchema<RedisSettings> of(CollectorCatalog<?> collectors, String namespace) {
    List<FlagSpec> flags = new ArrayList<>(List.of(
        FlagSpec.string("redis.addr", "redis_addr", "Address of the Redis instance to scrape "
            + "(redis://, rediss:// or host:port; empty: /metrics scrapes none).", "REDIS_ADDR"),
        FlagSpec.string("redis.user", "redis_user", "User name for Redis ACL (Redis 6+).",
            "REDIS_USER"),
        FlagSpec.string("redis.password", "redis_password", "Password of the Redis instance.",
            "REDIS_PASSWORD"),
        FlagSpec.string("redis.password-file", "redis_password_file",
            "JSON file of target URI to password, for --redis.addr and /scrape targets.",
            "REDIS_PASSWORD_FILE"),
        FlagSpec.bool("redis.password-on-scrape-targets", "redis_password_on_scrape_targets",
            "Also send --redis.user/--redis.password to any /scrape target, as redis_exporter "
                + "does (only where every caller is trusted)."),
        FlagSpec.string("namespace", "namespace", "Namespace (prefix) of the metrics; fixed "
            + "at start."),
        FlagSpec.string("compat", "compat", "1.45: emit redis_exporter 1.45's types and labels "
            + "(Debian's package)."),
        FlagSpec.string("check-keys", "check_keys", "Comma-separated [db=]patterns whose keys' "
            + "size and value to export, found with SCAN."),
        FlagSpec.string("check-single-keys", "check_single_keys",
            "Comma-separated [db=]keys whose size and value to export."),
        FlagSpec.string("check-streams", "check_streams",
            "Comma-separated [db=]patterns of streams to export, found with SCAN."),
        FlagSpec.string("check-single-streams", "check_single_streams",
            "Comma-separated [db=]streams to export."),
        FlagSpec.string("count-keys", "count_keys",
            "Comma-separated [db=]patterns whose keys to count, with SCAN."),
        FlagSpec.string("check-keys-batch-size", "check_keys_batch_size",
            "SCAN's COUNT for key checks (default 1000)."),
        FlagSpec.string("check-keys-limit", "check_keys_limit",
            "Most keys one pattern exports (default 1000); more sets key_check_truncated."),
        FlagSpec.string("check-keys-scan-ttl", "check_keys_scan_ttl", "How long the keys a "
            + "pattern matched are reused before SCAN runs again, when one SCAN call did not "
            + "cover the database (default 60s; 0s: every scrape)."),
        FlagSpec.bool("disable-exporting-key-values", "disable_exporting_key_values",
            "Do not export key values (key_value, key_value_as_string)."),
        FlagSpec.bool("scrape-key-values", "scrape_key_values", "Export the values of keys a "
            + "/scrape request names (check-keys, check-single-keys) also where the exporter "
            + "logs in with credentials the request did not give (configured, password file, "
            + "auth module); default: sizes only."),
        FlagSpec.bool("skip-checkkeys-for-role-master", "skip_checkkeys_for_role_master",
            "Do not check keys on masters (check them on replicas)."),
        FlagSpec.bool("streams-exclude-consumer-metrics", "streams_exclude_consumer_metrics",
            "Do not export per-consumer stream metrics."),
        FlagSpec.list("script", "script", "Comma-separated Lua scripts whose results to export."),
        FlagSpec.bool("lua-script-read-only", "lua_script_read_only",
            "Run the scripts with EVAL_RO (Redis 7+)."),
        FlagSpec.string("config-command", "config_command",
            "Name of the CONFIG command (renamed on some services); - to never send it."),
        FlagSpec.string("connection-timeout", "connection_timeout",
            "Longest a connect or command may take (default 15s); the scrape deadline wins."),
        FlagSpec.bool("set-client-name", "set_client_name",
            "Name the connections redis_exporter (CLIENT SETNAME; default true)."),
        FlagSpec.bool("ping-on-connect", "ping_on_connect",
            "PING once per scrape and export its time."),
        FlagSpec.string("tls-client-key-file", "tls_client_key_file",
            "Client key (PEM) for rediss:// servers that ask for a certificate."),
        FlagSpec.string("tls-client-cert-file", "tls_client_cert_file",
            "Client certificate (PEM) for rediss://."),
        FlagSpec.string("tls-ca-cert-file", "tls_ca_cert_file",
            "CA certificates (PEM) to verify rediss:// servers with."),
        FlagSpec.bool("skip-tls-verification", "skip_tls_verification",
            "Do not verify rediss:// servers' certificates."),
        FlagSpec.string("tls-server-name", "tls_server_name",
            "Name to verify rediss:// servers by (SNI), instead of their host."),
        FlagSpec.bool("is-cluster", "is_cluster", "The address is a node of a Redis Cluster: "
            + "serve /discover-cluster-nodes."),
        FlagSpec.bool("cluster-all-nodes", "cluster_all_nodes", "With --is-cluster, /metrics "
            + "scrapes every node found from the address, labelled node=\"host:port\"."),
        FlagSpec.bool("cluster-discover-hostnames", "cluster_discover_hostnames",
            "/discover-cluster-nodes gives nodes' hostnames instead of their IPs."),
        FlagSpec.bool("export-client-list", "export_client_list",
            "Export one series per client connection (CLIENT LIST)."),
        FlagSpec.bool("export-client-port", "export_client_port",
            "Add the client's port to the client list series."),
        FlagSpec.bool("include-config-metrics", "include_config_metrics",
            "Export every CONFIG setting (config_key_value, config_value)."),
        FlagSpec.bool("redact-config-metrics", "redact_config_metrics",
            "Leave passwords out of the config metrics (default true)."),
        FlagSpec.bool("include-system-metrics", "include_system_metrics",
            "Export redis_total_system_memory_bytes."),
        FlagSpec.bool("include-metrics-for-empty-databases",
            "include_metrics_for_empty_databases",
            "Export db_keys 0 for databases without keys (default true)."),
        FlagSpec.bool("exclude-latency-histogram-metrics", "exclude_latency_histogram_metrics",
            "Do not export redis_commands_latencies_usec (LATENCY HISTOGRAM)."),
        FlagSpec.bool("redis-only-metrics", "redis_only_metrics",
            "Accepted for compatibility; the JVM's own metrics stay on /metrics.")));
    flags.addAll(CompatFlags.flags());
    return ConfigSchema.builder(RedisSettings.class, 9121, collectors)
        .envPrefix("REDIS_EXPORTER_")
        .flags(flags.toArray(FlagSpec[]::new))
        .treeHook((env, tree) -> CompatFlags.rewrite(tree))
        .resolver((settings, tree) -> RedisSettingsCheck.resolve(settings, tree, namespace))
        .build();
  }
}
