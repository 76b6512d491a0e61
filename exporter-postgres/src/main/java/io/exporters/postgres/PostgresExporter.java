package io.exporters.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.ExporterApp;
import io.exporters.common.ExporterDefinition;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.collector.Version;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.ConfigTree;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.FlagSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.config.Secret;
import io.exporters.common.log.SecretMasker;
import io.exporters.common.target.Target;
import io.exporters.common.target.TargetConnector;
import io.exporters.postgres.collector.BuffercacheSummaryCollector;
import io.exporters.postgres.collector.DatabaseCollector;
import io.exporters.postgres.collector.DatabaseWraparoundCollector;
import io.exporters.postgres.collector.EachDatabase;
import io.exporters.postgres.collector.ExtraLabels;
import io.exporters.postgres.collector.LocksCollector;
import io.exporters.postgres.collector.LongRunningTransactionsCollector;
import io.exporters.postgres.collector.PostmasterCollector;
import io.exporters.postgres.collector.ProcessIdleCollector;
import io.exporters.postgres.collector.ReplicationCollector;
import io.exporters.postgres.collector.ReplicationSlotsCollector;
import io.exporters.postgres.collector.RolesCollector;
import io.exporters.postgres.collector.ServerLabel;
import io.exporters.postgres.collector.SettingsCollector;
import io.exporters.postgres.collector.StatActivityAutovacuumCollector;
import io.exporters.postgres.collector.StatActivityCollector;
import io.exporters.postgres.collector.StatArchiverCollector;
import io.exporters.postgres.collector.StatBgwriterCollector;
import io.exporters.postgres.collector.StatCheckpointerCollector;
import io.exporters.postgres.collector.StatDatabaseCollector;
import io.exporters.postgres.collector.StatDatabaseConflictsCollector;
import io.exporters.postgres.collector.StatIoCollector;
import io.exporters.postgres.collector.StatProgressVacuumCollector;
import io.exporters.postgres.collector.StatReplicationCollector;
import io.exporters.postgres.collector.StatStatementsCollector;
import io.exporters.postgres.collector.StatUserTablesCollector;
import io.exporters.postgres.collector.StatWalReceiverCollector;
import io.exporters.postgres.collector.StaticCollector;
import io.exporters.postgres.collector.StatioUserIndexesCollector;
import io.exporters.postgres.collector.StatioUserTablesCollector;
import io.exporters.postgres.collector.WalCollector;
import io.exporters.postgres.collector.XlogLocationCollector;
import io.exporters.postgres.queries.CustomQueries;
import io.exporters.postgres.queries.CustomQuery;
import io.exporters.postgres.queries.CustomQueryCollector;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** A drop-in for prometheus-community/postgres_exporter: same port, flags, env and names. */
public final class PostgresExporter implements ExporterDefinition<Connection, PostgresSettings> {
  // pg_database_size stats every file of every database: 20 ms for 1,000 tables, seconds on big
  // clusters. Sizes move slowly; `collectors.database.ttl: 0` restores a query per scrape.
  static final Duration DATABASE_SIZE_TTL = Duration.ofMinutes(1);
  private static final Version PG10 = Version.of(10, 0);
  private static final String LEGACY = "legacy_flags";
  // What 0.11's --disable-default-metrics turned off: its built-in metric maps.
  private static final List<String> LEGACY_DEFAULT_METRICS = List.of("stat_database",
      "stat_database_conflicts", "locks", "stat_replication", "replication_slots",
      "stat_archiver", "stat_activity", "static");
  private static final Version PG16 = Version.of(16, 0);
  private static final Version PG17 = Version.of(17, 0);
  private final AtomicReference<DatabaseSelection> selection =
      new AtomicReference<>(DatabaseSelection.defaults());
  private final AtomicReference<Compat> compat = new AtomicReference<>(Compat.CURRENT);
  private final AtomicReference<Map<String, String>> constantLabels =
      new AtomicReference<>(Map.of());
  private final CollectorCatalog<Connection> collectors = CollectorCatalog.of(
      spec("database", "pg_database sizes and connection limits",
          new DatabaseCollector(selection::get)).ttl(DATABASE_SIZE_TTL),
      spec("locks", "pg_locks counts by database and mode", new LocksCollector()),
      spec("replication", "replica status and lag", new ReplicationCollector()),
      spec("replication_slots", "pg_replication_slots", new ReplicationSlotsCollector()),
      spec("roles", "pg_roles connection limits", new RolesCollector()),
      spec("settings", "pg_settings in base units", new SettingsCollector()),
      spec("stat_activity", "pg_stat_activity connection counts",
          new StatActivityCollector(compat::get)),
      spec("stat_archiver", "pg_stat_archiver", new StatArchiverCollector()),
      spec("stat_bgwriter", "pg_stat_bgwriter", new StatBgwriterCollector(compat::get)),
      spec("stat_checkpointer", "pg_stat_checkpointer (PostgreSQL 17+)",
          new StatCheckpointerCollector()).versions(PG17, null).disabledByDefault(),
      spec("stat_database", "pg_stat_database", new StatDatabaseCollector(compat::get)),
      spec("stat_database_conflicts", "pg_stat_database_conflicts",
          new StatDatabaseConflictsCollector()),
      spec("static", "pg_static: the server version string", new StaticCollector()),
      spec("stat_replication", "pg_stat_replication: standbys of this primary",
          new StatReplicationCollector(compat::get)),
      spec("stat_progress_vacuum", "running VACUUMs and their progress",
          new StatProgressVacuumCollector()),
      spec("stat_user_tables", "pg_stat_user_tables of every database",
          new EachDatabase(selection::get, new StatUserTablesCollector())),
      spec("statio_user_tables", "pg_statio_user_tables of every database",
          new EachDatabase(selection::get, new StatioUserTablesCollector(compat::get))),
      spec("wal", "WAL segment count and size (needs pg_monitor)", new WalCollector()),
      spec("postmaster", "server start time", new PostmasterCollector()).disabledByDefault(),
      spec("database_wraparound", "transaction ID ages per database",
          new DatabaseWraparoundCollector()).disabledByDefault(),
      spec("long_running_transactions", "open transactions and the oldest's age",
          new LongRunningTransactionsCollector()).disabledByDefault(),
      spec("stat_activity_autovacuum", "running autovacuum workers per table",
          new StatActivityAutovacuumCollector()).disabledByDefault(),
      spec("stat_wal_receiver", "pg_stat_wal_receiver on a standby",
          new StatWalReceiverCollector()).disabledByDefault(),
      spec("process_idle", "idle time of backends as a histogram", new ProcessIdleCollector())
          .disabledByDefault(),
      spec("statio_user_indexes", "pg_statio_user_indexes",
          new EachDatabase(selection::get, new StatioUserIndexesCollector())).disabledByDefault(),
      spec("xlog_location", "WAL position on servers before PostgreSQL 10",
          new XlogLocationCollector()).versions(null, PG10).disabledByDefault(),
      spec("buffercache_summary", "pg_buffercache_summary() (PostgreSQL 16+, needs the "
          + "extension)", new BuffercacheSummaryCollector()).versions(PG16, null)
          .disabledByDefault(),
      spec("stat_io", "pg_stat_io: I/O by backend type, object and context (PostgreSQL 16+)",
          new StatIoCollector()).versions(PG16, null).disabledByDefault(),
      spec("stat_statements", "pg_stat_statements: the top statements by total time",
          new StatStatementsCollector()).disabledByDefault()
          .options(StatStatementsCollector.OPTIONS.toArray(String[]::new)));

  /** Every collector gets the constant labels, and 0.11's server label in that compatibility. */
  private CollectorSpec<Connection> spec(String name, String description,
      Collector<Connection> collector) {
    return CollectorSpec.of(name, description,
        new ExtraLabels(compat::get, constantLabels::get, collector));
  }

  @Override
  public String name() {
    return "postgres_exporter";
  }

  @Override
  public String namespace() {
    return "pg";
  }

  @Override
  public String description() {
    return "Prometheus exporter for PostgreSQL server metrics.";
  }

  @Override
  public CollectorCatalog<Connection> collectors() {
    return collectors;
  }

  @Override
  public ConfigSchema<PostgresSettings> configSchema() {
    return new ConfigSchema<>(PostgresSettings.class, 9187, "PG_EXPORTER_",
        Path.of("postgres_exporter.yml"),
        List.of(FlagSpec.string("collection-timeout", "scrape.timeout",
                "Upper bound on a scrape's deadline (postgres_exporter's name for "
                    + "--scrape.timeout)."),
            FlagSpec.bool("auto-discover-databases", "databases.auto_discover",
                "Run per-database collectors in every connectable database (default true)."),
            FlagSpec.list("include-databases", "databases.include",
                "Only these databases (comma-separated) for per-database collectors."),
            FlagSpec.list("exclude-databases", "databases.exclude",
                "Skip these databases (comma-separated) in per-database collectors."),
            FlagSpec.string("extend.query-path", "queries_file",
                "File of user queries in queries.yaml format."),
            FlagSpec.string("compat", "compat",
                "Emit postgres_exporter 0.11's names and labels (value: 0.11), e.g. for "
                    + "dashboards built on Debian's package."),
            FlagSpec.string("constantLabels", "constant_labels",
                "Labels added to every collector series, as a=b,c=d.",
                "PG_EXPORTER_CONSTANT_LABELS"),
            FlagSpec.bool("disable-default-metrics", LEGACY + ".disable_default_metrics",
                "postgres_exporter 0.11's switch: turns off the collectors that were its "
                    + "default metric maps."),
            FlagSpec.bool("disable-settings-metrics", LEGACY + ".disable_settings_metrics",
                "postgres_exporter 0.11's switch: turns off the settings collector."),
            FlagSpec.string("metric-prefix", LEGACY + ".metric_prefix",
                "postgres_exporter 0.11's prefix; only its default, pg, is supported.")),
        List.of(EnvSpec.secret("DATA_SOURCE_NAME", "data_source_name")),
        PostgresExporter::prepareTree, collectors, this::validate,
        settings -> queries(settings).stream().map(CustomQuery::namespace)
            .collect(Collectors.toSet()));
  }

  private static void prepareTree(Map<String, String> env, ConfigTree tree)
      throws ConfigException {
    dsnFromParts(env, tree);
    legacyFlags(tree);
  }

  /**
   * postgres_exporter 0.11's flags and collector names, so a Debian unit's ARGS keep working:
   * --disable-default-metrics and --disable-settings-metrics turn collectors off unless a
   * --collector flag says otherwise, and "bgwriter" is the old name of stat_bgwriter.
   */
  private static void legacyFlags(ConfigTree tree) throws ConfigException {
    Optional<JsonNode> bgwriter = tree.remove("collectors.bgwriter");
    if (bgwriter.isPresent()) {
      if (tree.has("collectors.stat_bgwriter")) {
        throw new ConfigException(tree.sourceOf("collectors.bgwriter") + ": key "
            + "'collectors.bgwriter': the old name of stat_bgwriter, which is also set; keep one");
      }
      tree.set("collectors.stat_bgwriter", bgwriter.get(), tree.sourceOf("collectors.bgwriter"));
    }
    Optional<JsonNode> legacy = tree.remove(LEGACY);
    if (legacy.isEmpty()) {
      return;
    }
    JsonNode prefix = legacy.get().get("metric_prefix");
    if (prefix != null && !prefix.asText().equals("pg")) {
      throw new ConfigException(tree.sourceOf(LEGACY + ".metric_prefix") + ": only the prefix "
          + "'pg' is supported, got '" + prefix.asText() + "'");
    }
    if (legacy.get().path("disable_default_metrics").asBoolean(false)) {
      for (String name : LEGACY_DEFAULT_METRICS) {
        disableUnlessSet(tree, name, LEGACY + ".disable_default_metrics");
      }
    }
    if (legacy.get().path("disable_settings_metrics").asBoolean(false)) {
      disableUnlessSet(tree, "settings", LEGACY + ".disable_settings_metrics");
    }
  }

  private static void disableUnlessSet(ConfigTree tree, String collector, String because)
      throws ConfigException {
    String key = "collectors." + collector + ".enabled";
    if (!tree.has(key) && !tree.node("collectors." + collector).map(JsonNode::isBoolean)
        .orElse(false)) {
      tree.set(key, "false", FlagSpec.Kind.BOOL, tree.sourceOf(because));
    }
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
        throw new ConfigException("environment variable " + name + "_FILE: cannot read " + file);
      }
    }
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private void validate(PostgresSettings settings, ConfigTree tree) throws ConfigException {
    for (String option : List.of("limit", "query_length")) {
      String key = "collectors.stat_statements." + option;
      Optional<String> value = tree.node(key).map(n -> n.asText().trim());
      if (value.isPresent() && !value.get().matches("[1-9][0-9]{0,8}")) {
        throw new ConfigException(tree.sourceOf(key) + ": key '" + key
            + "': expected a positive integer, got '" + value.get() + "'");
      }
    }
    Optional<String> includeQuery = tree.node("collectors.stat_statements.include_query")
        .map(n -> n.asText().trim());
    if (includeQuery.isPresent() && !includeQuery.get().matches("true|false")) {
      throw new ConfigException(tree.sourceOf("collectors.stat_statements.include_query")
          + ": key 'collectors.stat_statements.include_query': expected true or false, got '"
          + includeQuery.get() + "'");
    }
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
    for (CustomQuery query : queries(settings)) {
      if (collectors.get(query.namespace()).isPresent()) {
        throw new ConfigException("queries file " + settings.queriesFile() + ": key '"
            + query.namespace() + "': the name of a built-in collector; choose another");
      }
    }
    Optional<JsonNode> modules = tree.node("auth_modules");
    if (modules.isPresent() && modules.get().isObject()) {
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
          throw new ConfigException(tree.sourceOf(key) + ": key '" + key + "': "
              + e.getMessage());
        }
      }
    }
    if (settings.dataSourceName() == null) {
      return;
    }
    for (String dsn : settings.dataSourceName().split(",")) {
      try {
        PostgresDsn.parse(dsn);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(tree.sourceOf("data_source_name")
            + ": key 'data_source_name': " + e.getMessage());
      }
    }
  }

  private static List<CustomQuery> queries(PostgresSettings settings) throws ConfigException {
    return settings.queriesFile() == null ? List.of()
        : CustomQueries.load(Path.of(settings.queriesFile()));
  }

  @Override
  public List<CollectorSpec<Connection>> configuredCollectors(
      LoadedConfig<PostgresSettings> config) {
    List<CollectorSpec<Connection>> specs = new ArrayList<>();
    try {
      for (CustomQuery q : queries(config.settings())) {
        specs.add(spec(q.namespace(), "user query from "
            + config.settings().queriesFile(), new CustomQueryCollector(q))
            .ttl(q.ttl()).versions(q.minVersion(), q.maxVersion()));
      }
    } catch (ConfigException e) {
      // Validated moments ago while loading; a file changed since then waits for the next reload.
      throw new IllegalStateException(e.getMessage(), e);
    }
    return specs;
  }

  @Override
  public TargetConnector<Connection> connector(LoadedConfig<PostgresSettings> config) {
    return new PostgresConnector();
  }

  @Override
  public Optional<Target> defaultTarget(LoadedConfig<PostgresSettings> config) {
    return defaultTargets(config).stream().findFirst();
  }

  /** Each DSN of a comma-separated DATA_SOURCE_NAME; several are told apart by {@code server}. */
  @Override
  public List<Target> defaultTargets(LoadedConfig<PostgresSettings> config) {
    String dsns = config.settings().dataSourceName();
    if (dsns == null || dsns.isBlank()) {
      return List.of();
    }
    List<Target> targets = new ArrayList<>();
    for (String dsn : dsns.split(",")) {
      if (!dsn.isBlank()) {
        targets.add(target(PostgresDsn.parse(dsn.trim()), Optional.empty()));
      }
    }
    return targets;
  }

  /** postgres_exporter's {@code server="host:port"}. */
  @Override
  public Map.Entry<String, String> targetLabel(Target target) {
    return Map.entry("server", ServerLabel.of(target));
  }

  @Override
  public Target probeTarget(String target, Optional<AuthModule> module,
      LoadedConfig<PostgresSettings> config) {
    return target(PostgresDsn.parse(target, PostgresDsn.Origin.PROBE), module);
  }

  private static Target target(PostgresDsn dsn, Optional<AuthModule> module) {
    Map<String, String> options = new LinkedHashMap<>(dsn.params());
    String user = dsn.user();
    Secret password = dsn.password();
    if (module.isPresent()) {
      // Checked when the config was loaded.
      options.putAll(module.get().options());
      user = module.get().userpass().username();
      password = module.get().userpass().password();
    }
    return new Target(dsn.address(), "", user, password, options);
  }

  @Override
  public void configured(LoadedConfig<PostgresSettings> config) {
    selection.set(config.settings().databases());
    compat.set(Compat.parse(config.settings().compat()));
    constantLabels.set(ConstantLabels.parse(config.settings().constantLabels()));
    if (defaultTarget(config).isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(PostgresExporter.class).atWarn().log(
          "no DATA_SOURCE_NAME configured: /metrics serves only the exporter's own metrics; "
              + "/probe?target=host:port/db works");
    }
  }

  public static void main(String[] args) {
    ExporterApp.main(new PostgresExporter(), args);
  }
}
