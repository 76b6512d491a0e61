package io.exporters.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.ConfigTree;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.FlagSpec;
import io.exporters.common.config.YamlBinding;
import io.exporters.common.secret.SecretMasker;
import io.exporters.postgres.collector.StatStatementsCollector;
import io.exporters.postgres.queries.CustomQueries;
import io.exporters.postgres.queries.CustomQuery;
import io.exporters.postgres.settings.Compat;
import io.exporters.postgres.settings.ConstantLabels;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * postgres_exporter's configuration: its flags and environment variables, the DSN assembled
 * from DATA_SOURCE_URI/USER/PASS, 0.11's flags, and the checks and file reads of one load (the
 * queries file is read here, once).
 */
final class PostgresSchema {
  private PostgresSchema() {}

  static ConfigSchema<PostgresSettings> of(CollectorCatalog<?> collectors) {
    List<FlagSpec> flags = new ArrayList<>(List.of(
        FlagSpec.string("collection-timeout", "scrape.timeout",
            "Upper bound on a scrape's deadline (postgres_exporter's name for --scrape.timeout)."),
        FlagSpec.bool("auto-discover-databases", "databases.auto_discover",
            "Run per-database collectors in every connectable database (default true)."),
        FlagSpec.list("include-databases", "databases.include",
            "Only these databases (comma-separated) for per-database collectors."),
        FlagSpec.list("exclude-databases", "databases.exclude",
            "Skip these databases (comma-separated) in per-database collectors."),
        FlagSpec.string("extend.query-path", "queries_file",
            "File of user queries in queries.yaml format."),
        FlagSpec.string("compat", "compat", "Emit postgres_exporter 0.11's names and labels "
            + "(value: 0.11), e.g. for dashboards built on Debian's package."),
        FlagSpec.string("constantLabels", "constant_labels",
            "Labels added to every collector series, as a=b,c=d.",
            "PG_EXPORTER_CONSTANT_LABELS")));
    flags.addAll(LegacyFlags.flags());
    return ConfigSchema.builder(PostgresSettings.class, 9187, collectors)
        .envPrefix("PG_EXPORTER_")
        .defaultConfigFile(Path.of("postgres_exporter.yml"))
        .flags(flags.toArray(FlagSpec[]::new))
        .env(EnvSpec.secret("DATA_SOURCE_NAME", "data_source_name"))
        .treeHook((env, tree) -> {
          dsnFromParts(env, tree);
          LegacyFlags.rewrite(tree);
        })
        .resolver((settings, tree) -> resolve(settings, tree, collectors))
        .extraCollectors(settings -> settings.queries().stream().map(CustomQuery::namespace)
            .collect(Collectors.toSet()))
        .build();
  }

  /** DATA_SOURCE_URI + DATA_SOURCE_USER + DATA_SOURCE_PASS (or their _FILE forms). */
  private static void dsnFromParts(Map<String, String> env, ConfigTree tree)
      throws ConfigException {
    if (tree.has("data_source_name") || fromEnv(env, "DATA_SOURCE_URI") == null) {
      return;
    }
    String uri = fromEnv(env, "DATA_SOURCE_URI");
    String user = fromEnv(env, "DATA_SOURCE_USER");
    String pass = fromEnv(env, "DATA_SOURCE_PASS");
    StringBuilder dsn = new StringBuilder("postgresql://");
    if (user != null) {
      dsn.append(URLEncoder.encode(user, StandardCharsets.UTF_8));
      if (pass != null) {
        SecretMasker.register(pass);
        dsn.append(':').append(URLEncoder.encode(pass, StandardCharsets.UTF_8));
      }
      dsn.append('@');
    }
    dsn.append(uri);
    tree.set("data_source_name", dsn.toString(), FlagSpec.Kind.STRING,
        "environment variables DATA_SOURCE_URI/USER/PASS");
  }

  private static String fromEnv(Map<String, String> env, String name) throws ConfigException {
    String file = env.get(name + "_FILE");
    if (file != null && !file.isEmpty()) {
      try {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigException("environment variable " + name + "_FILE: cannot read " + file
            + ": " + YamlBinding.ioReason(e));
      }
    }
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Checks what binding cannot, and reads the queries file. */
  private static PostgresSettings resolve(PostgresSettings settings, ConfigTree tree,
      CollectorCatalog<?> catalog) throws ConfigException {
    if (tree.has("queries")) {
      throw new ConfigException(tree.sourceOf("queries") + ": unknown key 'queries' (user "
          + "queries go in the file named by queries_file / --extend.query-path)");
    }
    statStatementsOptions(tree);
    try {
      Compat.parse(settings.compat());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(tree.sourceOf("compat") + ": key 'compat': " + e.getMessage());
    }
    try {
      ConstantLabels.parse(settings.constantLabels());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(tree.sourceOf("constant_labels") + ": key 'constant_labels': "
          + e.getMessage());
    }
    authModuleOptions(tree);
    if (settings.dataSourceName() != null) {
      for (String dsn : settings.dataSourceName().split(",")) {
        try {
          PostgresDsn.parse(dsn);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(tree.sourceOf("data_source_name")
              + ": key 'data_source_name': " + e.getMessage());
        }
      }
    }
    List<CustomQuery> queries = settings.queriesFile() == null ? List.of()
        : CustomQueries.load(Path.of(settings.queriesFile()));
    for (CustomQuery query : queries) {
      if (catalog.get(query.namespace()).isPresent()) {
        throw new ConfigException("queries file " + settings.queriesFile() + ": key '"
            + query.namespace() + "': the name of a built-in collector; choose another");
      }
    }
    return settings.withQueries(queries);
  }

  private static void statStatementsOptions(ConfigTree tree) throws ConfigException {
    for (String option : StatStatementsCollector.NUMERIC_OPTIONS) {
      String key = "collectors.stat_statements." + option;
      Optional<String> value = tree.node(key).map(n -> n.asText().trim());
      if (value.isPresent() && !value.get().matches("[1-9][0-9]{0,8}")) {
        throw new ConfigException(tree.sourceOf(key) + ": key '" + key
            + "': expected a positive integer, got '" + value.get() + "'");
      }
    }
    String key = "collectors.stat_statements.include_query";
    Optional<String> includeQuery = tree.node(key).map(n -> n.asText().trim());
    if (includeQuery.isPresent() && !includeQuery.get().matches("true|false")) {
      throw new ConfigException(tree.sourceOf(key) + ": key '" + key
          + "': expected true or false, got '" + includeQuery.get() + "'");
    }
  }

  /** Auth modules' driver options pass the same allow-list as /probe targets' do. */
  private static void authModuleOptions(ConfigTree tree) throws ConfigException {
    Optional<JsonNode> modules = tree.node("auth_modules");
    if (modules.isEmpty() || !modules.get().isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> m : modules.get().properties()) {
      JsonNode options = m.getValue().path("options");
      String key = "auth_modules." + m.getKey() + ".options";
      if (!options.isObject()) {
        continue;
      }
      Map<String, String> given = new LinkedHashMap<>();
      options.properties().forEach(o -> given.put(o.getKey(), o.getValue().asText()));
      try {
        ConnectionOptions.check(given);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(tree.sourceOf(key) + ": key '" + key + "': " + e.getMessage());
      }
    }
  }
}
