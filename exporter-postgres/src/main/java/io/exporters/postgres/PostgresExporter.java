package io.exporters.postgres;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.backend.Backend;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.secret.Secret;
import io.exporters.common.server.ProbeRequest;
import io.exporters.postgres.collector.ServerLabel;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A drop-in for prometheus-community/postgres_exporter: same port, flags, env and names. The
 * collectors are in {@link PostgresCatalog}, the configuration in {@link PostgresSchema}.
 */
public final class PostgresExporter implements ExporterDefinition<Connection, PostgresSettings> {
  private static final CollectorCatalog<Connection> CATALOG = PostgresCatalog.defaults();

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
    return CATALOG;
  }

  @Override
  public ConfigSchema<PostgresSettings> configSchema() {
    return PostgresSchema.of(CATALOG);
  }

  @Override
  public List<CollectorSpec<Connection>> collectors(LoadedConfig<PostgresSettings> config) {
    return PostgresCatalog.of(config.settings());
  }

  @Override
  public Backend<Connection> backend(LoadedConfig<PostgresSettings> config) {
    return Backend.pooled(new PostgresConnector());
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
  public Target probeTarget(ProbeRequest request, LoadedConfig<PostgresSettings> config) {
    PostgresDsn dsn = PostgresDsn.parse(request.target(), PostgresDsn.Origin.PROBE);
    return target(dsn, request.authModule(config.common(), dsn.host(), dsn.port()));
  }

  static Target target(PostgresDsn dsn, Optional<AuthModule> module) {
    Map<String, String> options = new LinkedHashMap<>(dsn.params());
    String user = dsn.user();
    Secret password = dsn.password();
    if (module.isPresent()) {
      // Checked against the allow-list when the config was loaded.
      options.putAll(module.get().options());
      user = module.get().userpass().username();
      password = module.get().userpass().password();
    }
    return new Target(dsn.address(), "", user, password, options);
  }

  @Override
  public List<String> notes(LoadedConfig<PostgresSettings> config) {
    return defaultTargets(config).isEmpty()
        ? List.of("no DATA_SOURCE_NAME configured: /metrics serves only the exporter's own "
            + "metrics; /probe?target=host:port/db works")
        : List.of();
  }

  public static void main(String[] args) {
    ExporterApp.main(new PostgresExporter(), args);
  }
}
