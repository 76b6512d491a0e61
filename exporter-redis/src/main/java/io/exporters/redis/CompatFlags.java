package io.exporters.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigTree;
import io.exporters.common.config.FlagSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * redis_exporter's flags that are not settings of ours: {@code --debug}, {@code --log-format}
 * (txt, json) and {@code --log-level} become the core's log settings; flags for features this
 * exporter does not have stop start-up with the reason and what to use instead, rather than
 * being silently ignored. Both land under their own keys and are rewritten here.
 */
final class CompatFlags {
  static final String LEGACY = "legacy_flags";
  static final String UNSUPPORTED = "unsupported_flags";

  /** Flags refused, with the reason given at start-up. */
  private static final Map<String, String> REFUSED = Map.ofEntries(
      Map.entry("is-tile38", "Tile38 is not supported"),
      Map.entry("check-key-groups", "key groups are not supported: the anchor's Lua script "
          + "scans the whole keyspace inside the server on every scrape; use --count-keys"),
      Map.entry("max-distinct-key-groups", "key groups are not supported (see --check-key-groups)"),
      Map.entry("include-modules-metrics", "INFO MODULES metrics are not supported"),
      Map.entry("append-instance-role-label", "the instance_role label is not supported"),
      Map.entry("tls-server-cert-file", "use --web.config.file with tls_server_config"),
      Map.entry("tls-server-key-file", "use --web.config.file with tls_server_config"),
      Map.entry("tls-server-ca-cert-file", "use --web.config.file with tls_server_config"),
      Map.entry("tls-server-min-version", "use --web.config.file with tls_server_config"),
      Map.entry("basic-auth-username", "use --web.config.file with basic_auth_users"),
      Map.entry("basic-auth-password", "use --web.config.file with basic_auth_users"),
      Map.entry("basic-auth-hash-password", "use --web.config.file with basic_auth_users"),
      Map.entry("disable-scrape-endpoint", "/scrape and /probe are always served"));

  /** Refused flags that are switches: {@code --is-tile38=false} is harmless and accepted. */
  private static final Set<String> SWITCHES = Set.of("is-tile38", "include-modules-metrics",
      "append-instance-role-label", "disable-scrape-endpoint");

  private CompatFlags() {}

  static List<FlagSpec> flags() {
    List<FlagSpec> flags = new ArrayList<>(List.of(
        FlagSpec.bool("debug", LEGACY + ".debug", "Log at debug level (= --log.level=debug)."),
        FlagSpec.string("log-format", LEGACY + ".log_format",
            "txt or json (= --log.format=logfmt or json)."),
        FlagSpec.string("log-level", LEGACY + ".log_level", "= --log.level."),
        FlagSpec.bool("include-go-runtime-metrics", LEGACY + ".go_runtime",
            "Accepted for compatibility; the JVM's metrics are always on /metrics.")));
    for (String name : REFUSED.keySet().stream().sorted().toList()) {
      String path = UNSUPPORTED + "." + name.replace('-', '_');
      String help = "Not supported: " + REFUSED.get(name) + ".";
      flags.add(SWITCHES.contains(name) ? FlagSpec.bool(name, path, help)
          : FlagSpec.string(name, path, help));
    }
    return flags;
  }

  static void rewrite(ConfigTree tree) throws ConfigException {
    Optional<JsonNode> refused = tree.remove(UNSUPPORTED);
    if (refused.isPresent()) {
      for (Map.Entry<String, JsonNode> e : refused.get().properties()) {
        if (e.getValue().isBoolean() && !e.getValue().booleanValue()) {
          continue;
        }
        String flag = e.getKey().replace('_', '-');
        throw new ConfigException(tree.sourceOf(UNSUPPORTED + "." + e.getKey()) + ": " + flag
            + " is not supported by exporter-redis: " + REFUSED.get(flag));
      }
    }
    Optional<JsonNode> legacy = tree.remove(LEGACY);
    if (legacy.isEmpty()) {
      return;
    }
    JsonNode l = legacy.get();
    if (l.path("debug").asBoolean(false) && !tree.has("log.level")) {
      tree.set("log.level", "debug", FlagSpec.Kind.STRING, tree.sourceOf(LEGACY + ".debug"));
    }
    if (l.has("log_level") && !tree.has("log.level")) {
      String level = switch (l.get("log_level").asText().toLowerCase()) {
        case "trace", "debug" -> "debug";
        case "warning", "warn" -> "warn";
        case "fatal", "panic", "error" -> "error";
        default -> l.get("log_level").asText().toLowerCase();
      };
      tree.set("log.level", level, FlagSpec.Kind.STRING, tree.sourceOf(LEGACY + ".log_level"));
    }
    if (l.has("log_format") && !tree.has("log.format")) {
      String format = l.get("log_format").asText().toLowerCase();
      String origin = tree.sourceOf(LEGACY + ".log_format");
      switch (format) {
        case "txt", "text", "logfmt" -> tree.set("log.format", "logfmt", FlagSpec.Kind.STRING,
            origin);
        case "json" -> tree.set("log.format", "json", FlagSpec.Kind.STRING, origin);
        default -> throw new ConfigException(origin + ": unknown log format '" + format
            + "' (use txt or json)");
      }
    }
  }
}
