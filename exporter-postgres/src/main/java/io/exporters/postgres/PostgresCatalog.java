package io.exporters.postgres;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
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
import io.exporters.postgres.collector.SettingsCollector;
import io.exporters.postgres.collector.StatActivityAutovacuumCollector;
import io.exporters.postgres.collector.StatActivityCollector;
import io.exporters.postgres.collector.StatArchiverCollector;
import io.exporters.postgres.collector.StatBgwriterCollector;
import io.exporters.postgres.collector.StatCheckpointerCollector;
import io.exporters.postgres.collector.StatDatabase011Collector;
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
import io.exporters.postgres.collector.TableSizesCollector;
import io.exporters.postgres.collector.WalCollector;
import io.exporters.postgres.collector.XlogLocationCollector;
import io.exporters.postgres.queries.CustomQuery;
import io.exporters.postgres.queries.CustomQueryCollector;
import io.exporters.postgres.settings.Compat;
import io.exporters.postgres.settings.ConstantLabels;
import io.exporters.postgres.settings.DatabaseSelection;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one registry of postgres collectors: every name, its default, its TTL and version range,
 * and the class that exports it. Built for one configuration generation, with the variant its
 * compatibility choice selects, its database selection and its constant labels.
 */
final class PostgresCatalog {
  // pg_database_size stats every file of every database: 20 ms for 1,000 tables, seconds on big
  // clusters. Sizes move slowly; `collectors.database.ttl: 0` restores a query per scrape.
  static final Duration DATABASE_SIZE_TTL = Duration.ofMinutes(1);
  /** Per-table sizes: most of pg_stat_user_tables' cost; `ttl: 0` queries them every scrape. */
  static final Duration TABLE_SIZE_TTL = Duration.ofMinutes(5);
  private static final Version PG10 = Version.of(10, 0);
  private static final Version PG16 = Version.of(16, 0);
  private static final Version PG17 = Version.of(17, 0);

  private final Compat compat;
  private final Map<String, String> constantLabels;

  private PostgresCatalog(Compat compat, Map<String, String> constantLabels) {
    this.compat = compat;
    this.constantLabels = constantLabels;
  }

  /** Names, defaults and options only matter here: validation and --help. */
  static CollectorCatalog<Connection> defaults() {
    return new PostgresCatalog(Compat.CURRENT, Map.of()).catalog(DatabaseSelection.defaults());
  }

  /** The collectors of the generation {@code settings} makes, user queries last. */
  static List<CollectorSpec<Connection>> of(PostgresSettings settings) {
    PostgresCatalog built = new PostgresCatalog(Compat.parse(settings.compat()),
        ConstantLabels.parse(settings.constantLabels()));
    List<CollectorSpec<Connection>> specs = new java.util.ArrayList<>(
        built.catalog(settings.databases()).all());
    for (CustomQuery q : settings.queries()) {
      specs.add(built.spec(q.namespace(), "user query from " + settings.queriesFile(),
          new CustomQueryCollector(q)).ttl(q.ttl()).versions(q.minVersion(), q.maxVersion()));
    }
    return specs;
  }

  private CollectorCatalog<Connection> catalog(DatabaseSelection databases) {
    return CollectorCatalog.of(
        spec("database", "pg_database sizes and connection limits",
            new DatabaseCollector(databases)).ttl(DATABASE_SIZE_TTL),
        spec("locks", "pg_locks counts by database and mode", new LocksCollector()),
        spec("replication", "replica status and lag", new ReplicationCollector()),
        spec("replication_slots", "pg_replication_slots", new ReplicationSlotsCollector()),
        spec("roles", "pg_roles connection limits", new RolesCollector()),
        spec("settings", "pg_settings in base units", new SettingsCollector()),
        spec("stat_activity", "pg_stat_activity connection counts",
            new StatActivityCollector(compat)),
        spec("stat_archiver", "pg_stat_archiver", new StatArchiverCollector()),
        spec("stat_bgwriter", "pg_stat_bgwriter", new StatBgwriterCollector(compat)),
        spec("stat_checkpointer", "pg_stat_checkpointer (PostgreSQL 17+)",
            new StatCheckpointerCollector()).versions(PG17, null).disabledByDefault(),
        spec("stat_database", "pg_stat_database", compat == Compat.V0_11
            ? new StatDatabase011Collector() : new StatDatabaseCollector()),
        spec("stat_database_conflicts", "pg_stat_database_conflicts",
            new StatDatabaseConflictsCollector()),
        spec("static", "pg_static: the server version string", new StaticCollector()),
        spec("stat_replication", "pg_stat_replication: standbys of this primary",
            new StatReplicationCollector(compat)),
        spec("stat_progress_vacuum", "running VACUUMs and their progress",
            new StatProgressVacuumCollector()),
        spec("stat_user_tables", "pg_stat_user_tables of every database",
            new EachDatabase(databases, new StatUserTablesCollector())),
        spec("table_sizes", "table and index sizes of every database "
            + "(pg_stat_user_tables_*_size_bytes), cached", new EachDatabase(databases,
            new TableSizesCollector())).ttl(TABLE_SIZE_TTL),
        spec("statio_user_tables", "pg_statio_user_tables of every database",
            new EachDatabase(databases, new StatioUserTablesCollector(compat))),
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
            new EachDatabase(databases, new StatioUserIndexesCollector())).disabledByDefault(),
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
  }

  /** Every collector gets the constant labels, and 0.11's server label in that compatibility. */
  private CollectorSpec<Connection> spec(String name, String description,
      Collector<Connection> collector) {
    return CollectorSpec.of(name, description,
        ExtraLabels.around(compat, constantLabels, collector));
  }
}
