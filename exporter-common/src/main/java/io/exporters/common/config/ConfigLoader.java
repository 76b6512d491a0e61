package io.exporters.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads one exporter's configuration: merges its sources ({@link ConfigSources}), binds the
 * core's keys and the exporter's own ({@link YamlBinding}), and checks them (the exporter's
 * resolver, which also reads the files its settings name, then {@link CommonValidation}). Any
 * problem is a {@link ConfigException} naming the key and where it came from.
 */
public final class ConfigLoader<X> {
  private final ConfigSchema<X> schema;
  private final List<FlagSpec> flags;

  public ConfigLoader(ConfigSchema<X> schema) {
    this.schema = schema;
    List<FlagSpec> all = new ArrayList<>(coreFlags(schema.defaultPort()));
    all.addAll(schema.flags());
    List<FlagSpec> withEnv = new ArrayList<>();
    for (FlagSpec f : all) {
      withEnv.add(f.withEnvPrefix(schema.envPrefix()));
    }
    this.flags = List.copyOf(withEnv);
  }

  public List<FlagSpec> flags() {
    return flags;
  }

  private static List<FlagSpec> coreFlags(int defaultPort) {
    return List.of(
        FlagSpec.string("web.listen-address", "web.listen_address",
            "Address to listen on, host:port or :port (default :" + defaultPort + ")."),
        FlagSpec.string("web.telemetry-path", "web.telemetry_path",
            "Path under which to expose metrics."),
        FlagSpec.string("web.config.file", "web.config_file",
            "exporter-toolkit web config file (TLS, basic auth)."),
        FlagSpec.string("log.level", "log.level", "debug, info, warn or error."),
        FlagSpec.string("log.format", "log.format", "logfmt or json."),
        FlagSpec.string("log.server-level", "log.server_level",
            "Level of the HTTP server's own logs (Jetty, Javalin): warn unless set."),
        FlagSpec.string("scrape.timeout", "scrape.timeout",
            "Upper bound on a scrape's deadline (Prometheus' timeout header is honoured below it)."));
  }

  public CommandLine.Parsed parseArgs(List<String> args) throws ConfigException {
    return CommandLine.parse(args, flags);
  }

  /** Loads and validates the whole configuration; every file is read once. */
  public LoadedConfig<X> load(CommandLine.Parsed args, Map<String, String> env)
      throws ConfigException {
    ConfigTree tree = ConfigSources.merge(schema, flags, args, env);
    ObjectNode commonNode = JsonNodeFactory.instance.objectNode();
    ObjectNode ownNode = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : tree.root().properties()) {
      (CommonConfig.KEYS.contains(e.getKey()) ? commonNode : ownNode).set(e.getKey(), e.getValue());
    }
    CommonConfig common = YamlBinding.bind(commonNode, CommonConfig.class, tree::sourceOf,
        CommonConfig.KEYS);
    X settings = YamlBinding.bind(ownNode, schema.settingsClass(), tree::sourceOf,
        CommonConfig.KEYS);
    common = new CommonConfig(common.web().withDefaults(schema.defaultPort()), common.scrape(),
        common.collectors(), common.log(),
        CommonValidation.readPasswordFiles(common.authModules(), tree));
    settings = schema.resolver().resolve(settings, tree);
    CommonValidation.check(common, schema, schema.extraCollectors().names(settings), tree);
    return new LoadedConfig<>(common, settings, tree.file(), tree);
  }
}
