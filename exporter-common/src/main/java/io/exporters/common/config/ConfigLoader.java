package io.exporters.common.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.log.SecretMasker;
import io.exporters.common.web.WebConfig;
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
import java.util.TreeSet;

/**
 * Builds the configuration from the YAML file, then the environment, then flags (later wins).
 * Unknown keys, wrong types, unknown collectors and unreadable files are {@link ConfigException}s
 * naming the key and where it came from.
 */
public final class ConfigLoader<X> {
  private static final List<String> LEVELS = List.of("debug", "info", "warn", "error");
  private static final List<String> FORMATS = List.of("logfmt", "json");

  private final ConfigSchema<X> schema;
  private final List<FlagSpec> flags;
  private final ObjectMapper mapper = ConfigMapper.create();

  public ConfigLoader(ConfigSchema<X> schema) {
    this.schema = schema;
    List<FlagSpec> all = new ArrayList<>(coreFlags());
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

  private static List<FlagSpec> coreFlags() {
    return List.of(
        FlagSpec.string("web.listen-address", "web.listen_address",
            "Address to listen on, host:port or :port."),
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

  /** Loads and validates the whole configuration. */
  public LoadedConfig<X> load(CommandLine.Parsed args, Map<String, String> env)
      throws ConfigException {
    Path file = null;
    if (args.configFile() != null) {
      file = Path.of(args.configFile());
    } else if (schema.defaultConfigFile() != null && Files.exists(schema.defaultConfigFile())) {
      file = schema.defaultConfigFile();
    }
    String fileSource = file == null ? "defaults" : "config file " + file;
    ConfigTree tree = new ConfigTree(read(file), fileSource);

    for (FlagSpec f : flags) {
      for (String name : f.envNames()) {
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
          tree.set(f.path(), value, f.kind(), "environment variable " + name);
        }
      }
    }
    for (EnvSpec e : schema.env()) {
      Optional<String> value = envValue(e, env);
      if (value.isPresent()) {
        String origin = e.secret() && env.get(e.name() + "_FILE") != null
            ? "file in environment variable " + e.name() + "_FILE"
            : "environment variable " + e.name();
        tree.set(e.path(), value.get(), e.kind(), origin);
      }
    }
    for (CommandLine.FlagValue fv : args.values()) {
      tree.set(fv.path(), fv.value(), fv.kind(), "flag " + fv.flag());
    }
    schema.treeHook().apply(env, tree);

    ObjectNode commonNode = JsonNodeFactory.instance.objectNode();
    ObjectNode ownNode = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : tree.root().properties()) {
      (CommonConfig.KEYS.contains(e.getKey()) ? commonNode : ownNode).set(e.getKey(), e.getValue());
    }
    CommonConfig common = bind(commonNode, CommonConfig.class, tree);
    X settings = bind(ownNode, schema.settingsClass(), tree);
    common = new CommonConfig(common.web().withDefaults(schema.defaultPort()), common.scrape(),
        common.collectors(), common.log(), readPasswordFiles(common.authModules(), tree));
    schema.validator().validate(settings, tree);
    validateCommon(common, schema.extraCollectors().names(settings), tree);
    WebConfig webConfig = common.web().configFile() == null
        ? WebConfig.empty() : WebConfig.load(Path.of(common.web().configFile()));
    return new LoadedConfig<>(common, settings, file, webConfig, tree);
  }

  private ObjectNode read(Path file) throws ConfigException {
    if (file == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + ConfigErrors.ioReason(e));
    }
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException("config file " + file + ": the top level must be a map of keys");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConfigException("config file " + file + ": invalid YAML"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  private <T> T bind(ObjectNode node, Class<T> type, ConfigTree tree) throws ConfigException {
    try {
      return mapper.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      String path = ConfigErrors.keyPath(e);
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      if (!path.contains(".")) {
        known.addAll(CommonConfig.KEYS);
      }
      throw new ConfigException(tree.sourceOf(path) + ": unknown key '" + path + "'"
          + (known.isEmpty() ? "" : " (known keys here: " + String.join(", ", known) + ")"));
    } catch (InvalidFormatException e) {
      String path = ConfigErrors.keyPath(e);
      throw new ConfigException(tree.sourceOf(path) + ": key '" + path + "': "
          + friendly(e.getOriginalMessage(), e.getTargetType(), e.getValue()));
    } catch (MismatchedInputException e) {
      String path = ConfigErrors.keyPath(e);
      throw new ConfigException(tree.sourceOf(path) + ": key '" + path + "': expected "
          + typeName(e.getTargetType()) + ", got " + describe(tree.node(path)));
    } catch (JsonMappingException e) {
      String path = ConfigErrors.keyPath(e);
      throw new ConfigException(tree.sourceOf(path) + ": key '" + path + "': "
          + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new ConfigException(tree.sourceOf("") + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  private void validateCommon(CommonConfig common, java.util.Set<String> extraCollectors,
      ConfigTree tree) throws ConfigException {
    ScrapeSettings s = common.scrape();
    positive(s.timeout(), "scrape.timeout", tree);
    positive(s.defaultTimeout(), "scrape.default_timeout", tree);
    positive(s.connectionIdleTimeout(), "scrape.connection_idle_timeout", tree);
    positive(s.targetIdleTimeout(), "scrape.target_idle_timeout", tree);
    if (s.timeoutMargin().isNegative()) {
      throw new ConfigException(tree.sourceOf("scrape.timeout_margin")
          + ": key 'scrape.timeout_margin': must not be negative");
    }
    if (s.maxConnectionsPerTarget() < 1) {
      throw new ConfigException(tree.sourceOf("scrape.max_connections_per_target")
          + ": key 'scrape.max_connections_per_target': must be at least 1");
    }
    if (s.maxConnections() < s.maxConnectionsPerTarget()) {
      throw new ConfigException(tree.sourceOf("scrape.max_connections")
          + ": key 'scrape.max_connections': must be at least scrape.max_connections_per_target ("
          + s.maxConnectionsPerTarget() + ")");
    }
    String level = common.log().levelOrDefault();
    if (!LEVELS.contains(level)) {
      throw new ConfigException(tree.sourceOf("log.level") + ": key 'log.level': unknown level '"
          + level + "' (use " + String.join(", ", LEVELS) + ")");
    }
    String serverLevel = common.log().serverLevel();
    if (serverLevel != null && !LEVELS.contains(serverLevel)) {
      throw new ConfigException(tree.sourceOf("log.server_level") + ": key 'log.server_level': "
          + "unknown level '" + serverLevel + "' (use " + String.join(", ", LEVELS) + ")");
    }
    String format = common.log().formatOrDefault();
    if (!FORMATS.contains(format)) {
      throw new ConfigException(tree.sourceOf("log.format") + ": key 'log.format': unknown format '"
          + format + "' (use logfmt or json)");
    }
    try {
      ListenAddress.parse(common.web().listenAddress());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(tree.sourceOf("web.listen_address")
          + ": key 'web.listen_address': " + e.getMessage());
    }
    if (!common.web().telemetryPath().startsWith("/")) {
      throw new ConfigException(tree.sourceOf("web.telemetry_path")
          + ": key 'web.telemetry_path': must start with '/'");
    }
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
    }
  }

  private static List<String> withBasics(CollectorSpec<?> spec) {
    List<String> out = new ArrayList<>(List.of("enabled", "ttl", "timeout"));
    out.addAll(new TreeSet<>(spec.options()));
    return out;
  }

  private Map<String, AuthModule> readPasswordFiles(Map<String, AuthModule> modules,
      ConfigTree tree) throws ConfigException {
    Map<String, AuthModule> out = new LinkedHashMap<>();
    for (Map.Entry<String, AuthModule> e : modules.entrySet()) {
      AuthModule m = e.getValue();
      if (m != null && m.userpass() != null && m.userpass().passwordFile() != null) {
        String key = "auth_modules." + e.getKey() + ".userpass.password_file";
        Path p = Path.of(m.userpass().passwordFile());
        try {
          Secret password = Secret.configured(
              Files.readString(p, StandardCharsets.UTF_8).strip());
          m = new AuthModule(m.type(), new AuthModule.UserPass(m.userpass().username(), password,
              m.userpass().passwordFile()), m.options());
        } catch (IOException ex) {
          throw new ConfigException(tree.sourceOf(key) + ": key '" + key + "': cannot read "
              + p + ": " + ConfigErrors.ioReason(ex));
        }
      }
      out.put(e.getKey(), m);
    }
    return out;
  }

  private static Optional<String> envValue(EnvSpec spec, Map<String, String> env)
      throws ConfigException {
    if (spec.secret()) {
      String fileName = env.get(spec.name() + "_FILE");
      if (fileName != null && !fileName.isEmpty()) {
        try {
          String content = Files.readString(Path.of(fileName), StandardCharsets.UTF_8).strip();
          SecretMasker.register(content);
          return Optional.of(content);
        } catch (IOException e) {
          throw new ConfigException("environment variable " + spec.name() + "_FILE: cannot read "
              + fileName + ": " + ConfigErrors.ioReason(e));
        }
      }
    }
    String value = env.get(spec.name());
    if (value != null && spec.secret()) {
      SecretMasker.register(value);
    }
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }

  private static void positive(Duration d, String key, ConfigTree tree) throws ConfigException {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new ConfigException(tree.sourceOf(key) + ": key '" + key + "': must be positive");
    }
  }

  private static String friendly(String message, Class<?> type, Object value) {
    if (type == Duration.class) {
      return firstLine(message);
    }
    return "expected " + typeName(type) + ", got '" + value + "'";
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type == Secret.class) {
      return "a string";
    }
    if (type == Duration.class) {
      return "a duration such as 10s";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a map of keys";
  }

  private static String describe(Optional<JsonNode> node) {
    if (node.isEmpty()) {
      return "nothing";
    }
    JsonNode n = node.get();
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    return "'" + n.asText() + "'";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
